import {
	NodeOperationError,
	WAIT_INDEFINITELY,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

const UNIT_SECONDS: Record<string, number> = { minutes: 60, hours: 3_600, days: 86_400 };

/** How long a wait may last at most: a year, so an expiry always fits the target URL. */
const MAX_WAIT_SECONDS = 366 * 86_400;

/** Limit Wait Time, as in n8n's other Send and Wait nodes; Reply must have one. */
export const waitLimitFields: INodeProperties[] = [
	{
		displayName: 'Limit Wait Time',
		name: 'limitType',
		type: 'options',
		options: [
			{
				name: 'After Time Interval',
				value: 'afterTimeInterval',
				description: 'Stop waiting after an amount of time',
			},
			{
				name: 'At Specified Time',
				value: 'atSpecifiedTime',
				description: 'Stop waiting at a date and time',
			},
			{
				name: 'No Limit',
				value: 'none',
				description: 'Wait until the link is opened (Approval Link only)',
			},
		],
		default: 'afterTimeInterval',
		description:
			'When the node stops waiting and outputs timed_out: true. A reply wait needs a limit, because it holds a Linq webhook subscription until it ends.',
	},
	{
		displayName: 'Amount',
		name: 'resumeAmount',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		displayOptions: { show: { limitType: ['afterTimeInterval'] } },
		description: 'How long to wait for the answer',
	},
	{
		displayName: 'Unit',
		name: 'resumeUnit',
		type: 'options',
		options: [
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
		],
		default: 'days',
		displayOptions: { show: { limitType: ['afterTimeInterval'] } },
	},
	{
		displayName: 'Max Date and Time',
		name: 'maxDateAndTime',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
		description: 'Stop waiting at this date and time',
	},
];

/**
 * When the wait ends, read from the first item's parameters. Reply without a limit, a limit in
 * the past and one more than a year away are refused before anything is sent.
 */
export function readWaitTill(ctx: IExecuteFunctions, needsLimit: boolean, nowMs: number): Date {
	const node = ctx.getNode();
	const limitType = ctx.getNodeParameter('limitType', 0, 'afterTimeInterval') as string;
	if (limitType === 'none') {
		if (needsLimit) {
			throw new NodeOperationError(
				node,
				'Limit Wait Time is No Limit, but a reply wait needs one',
				{
					itemIndex: 0,
					description:
						'Choose After Time Interval or At Specified Time: a reply wait holds a Linq webhook subscription until it ends.',
				},
			);
		}
		return WAIT_INDEFINITELY;
	}
	let waitTill: Date;
	if (limitType === 'atSpecifiedTime') {
		waitTill = new Date(String(ctx.getNodeParameter('maxDateAndTime', 0, '')));
	} else {
		const amount = Number(ctx.getNodeParameter('resumeAmount', 0, 1));
		const unit = UNIT_SECONDS[String(ctx.getNodeParameter('resumeUnit', 0, 'days'))];
		waitTill = new Date(nowMs + (amount > 0 && unit ? amount * unit * 1000 : NaN));
	}
	const seconds = (waitTill.getTime() - nowMs) / 1000;
	if (!(seconds > 0) || seconds > MAX_WAIT_SECONDS) {
		throw new NodeOperationError(node, 'Limit Wait Time must end in the future and within a year', {
			itemIndex: 0,
			description:
				limitType === 'atSpecifiedTime'
					? 'Set Max Date and Time to a date and time after now.'
					: 'Set Amount to a whole number of at least 1.',
		});
	}
	return waitTill;
}
