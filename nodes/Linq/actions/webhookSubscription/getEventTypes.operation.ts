import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import type { LinqOperation } from '../../../shared/operation';

export const getWebhookEventTypes: LinqOperation = {
	value: 'getEventTypes',
	name: 'Get Event Types',
	action: 'Get the webhook event types',
	description:
		'List the event types a webhook subscription can receive, such as message.received. Returns one item with an "events" list.',
	properties: [],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await linqApiRequest.call(this, {
			method: 'GET',
			path: '/v3/webhook-events',
			itemIndex,
		});
	},
};
