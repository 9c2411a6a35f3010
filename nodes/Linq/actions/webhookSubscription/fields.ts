import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from '../common/requireId';

export const subscriptionIdField: INodeProperties = {
	displayName: 'Subscription ID',
	name: 'subscriptionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'b2c3d4e5-f6a7-8901-bcde-f23456789012',
	description: 'ID of the webhook subscription, as returned by Create or Get Many',
};

/** The Subscription ID field, refused when empty: the bare path would list every subscription. */
export function readSubscriptionId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('subscriptionId', itemIndex);
	return requireId(ctx.getNode(), value, 'Subscription ID', itemIndex);
}

export function subscriptionPath(id: string): string {
	return `/v3/webhook-subscriptions/${encodeURIComponent(id)}`;
}

export const targetUrlField: INodeProperties = {
	displayName: 'Target URL',
	name: 'targetUrl',
	type: 'string',
	default: '',
	placeholder: 'https://example.com/webhooks/linq',
	description:
		'HTTPS address Linq posts the events to. Each URL can have only one subscription per account; add a query parameter such as ?line=1 to tell several apart.',
};

export const eventsField: INodeProperties = {
	displayName: 'Event Names or IDs',
	name: 'events',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getWebhookEventTypes' },
	default: [],
	description:
		'Event types to deliver, such as message.received. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const phoneNumbersField: INodeProperties = {
	displayName: 'Phone Number Names or IDs',
	name: 'phoneNumbers',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
	default: [],
	description:
		'Only deliver events of these lines. Leave empty for events of every line. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const isActiveField: INodeProperties = {
	displayName: 'Active',
	name: 'isActive',
	type: 'boolean',
	default: true,
	description: 'Whether Linq delivers events to this subscription. Turn off to pause deliveries.',
};
