import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { getPhoneNumbers } from '../../../shared/loadOptions';
import { linqApiRequest } from '../../../shared/transport';

/**
 * The value of "Best Line" in a From picker: the line Linq's smart number assignment would pick,
 * asked from GET /v3/available_number when the node runs. Not a phone number, so it cannot be
 * mistaken for one.
 */
export const BEST_LINE = 'best_line';

/** The From picker's list: "Best Line" first, then every line. */
export async function getFromLines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [
		{
			name: 'Best Line (Chosen by Linq)',
			value: BEST_LINE,
			description: 'The line Linq would pick to reach these recipients, as in Message → Send',
		},
		...(await getPhoneNumbers.call(this)),
	];
}

/**
 * The one From picker: one of the account's lines in E.164, or "Best Line", which asks Linq
 * for the line its smart number assignment would use.
 */
export function fromField(purpose: string, required = false): INodeProperties {
	return {
		displayName: 'From Name or ID',
		name: 'from',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFromLines' },
		required,
		default: '',
		description: `${purpose}, in E.164 format like +15551234567, or ${BEST_LINE} for the line Linq would pick. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/**
 * GET /v3/available_number: the line Linq would send from (sticky to an existing chat with
 * `to` when given) and a time-limited vCard link for it.
 */
export async function fetchBestLine(
	ctx: IExecuteFunctions,
	to: string[],
	itemIndex: number,
): Promise<IDataObject> {
	return await linqApiRequest.call(ctx, {
		method: 'GET',
		path: '/v3/available_number',
		qs: { to: to.length > 0 ? to : undefined },
		itemIndex,
	});
}

/** The From line as E.164: the value given, or the best line for `to` when Best Line is chosen. */
export async function readFrom(
	ctx: IExecuteFunctions,
	value: unknown,
	to: string[],
	itemIndex: number,
): Promise<string> {
	const node = ctx.getNode();
	if (typeof value === 'string' && value.trim() === BEST_LINE) {
		const best = await fetchBestLine(ctx, to, itemIndex);
		return requireHandle(node, best.phone_number, 'From (Best Line)', itemIndex);
	}
	return requireHandle(node, value, 'From', itemIndex);
}
