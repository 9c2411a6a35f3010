import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { optionsField } from '../../../shared/fields';
import { isHttpsUrl } from '../../../shared/httpsUrl';
import { requireText } from '../../../shared/requireText';
import { textValue } from '../../../shared/textValue';
import { V2_EVENT_OPTIONS, V2_EVENT_TYPES } from '../../../shared/v2/events';
import { idField } from '../fields';

export const subscriptionIdField = idField(
	'subscriptionId',
	'Subscription ID',
	'The ID of the webhook subscription, a whole number',
);

/** What Create and Update both send: V2's Update replaces the URL, the events and the version too. */
export const subscriptionFields: INodeProperties[] = [
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/hooks/linq',
		description: 'The https address Linq posts events to',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: V2_EVENT_OPTIONS,
		default: ['message.received'],
	},
	optionsField([
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description: 'Whether Linq delivers events to this subscription',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Linq signs every delivery with it (X-Webhook-Signature). At least 16 characters; Linq never shows it again, so keep it, for example in the Webhook Secret of your Linq V2 (Legacy) API credentials.',
		},
	]),
];

const MIN_SECRET = 16;

/** `{webhook_subscription: {...}}` for Create and Update, every field checked. */
export function subscriptionBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = ctx.getNode();
	const url = requireText(
		node,
		ctx.getNodeParameter('webhookUrl', itemIndex),
		'Webhook URL',
		itemIndex,
	);
	if (!isHttpsUrl(url)) {
		throw new NodeOperationError(node, `Webhook URL "${url.slice(0, 200)}" is not https`, {
			itemIndex,
		});
	}
	const events = ctx.getNodeParameter('events', itemIndex, []) as unknown;
	const list = Array.isArray(events) ? events.map(String) : [];
	const unknown = list.filter((event) => !V2_EVENT_TYPES.has(event));
	if (list.length === 0 || unknown.length > 0) {
		throw new NodeOperationError(
			node,
			list.length === 0 ? 'Events is empty' : `Events holds unknown types: ${unknown.join(', ')}`,
			{ itemIndex, description: 'Choose V2 event types such as message.received.' },
		);
	}
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const subscription: IDataObject = { webhook_url: url, version: 2, events: list };
	if (typeof options.active === 'boolean') subscription.active = options.active;
	const secret = textValue(node, options.secret, 'Secret', itemIndex);
	if (secret !== '') {
		if (secret.trim().length < MIN_SECRET) {
			throw new NodeOperationError(node, `Secret must have at least ${MIN_SECRET} characters`, {
				itemIndex,
			});
		}
		subscription.secret = secret.trim();
	}
	return { webhook_subscription: subscription };
}
