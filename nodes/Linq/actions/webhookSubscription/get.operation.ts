import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import type { LinqOperation } from '../../../shared/operation';
import { readSubscriptionId, subscriptionIdField, subscriptionPath } from './fields';

export const getWebhookSubscription: LinqOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a webhook subscription',
	description:
		'Get one webhook subscription: its target URL, event types, line filter and whether it is active. The signing secret is not included.',
	properties: [subscriptionIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readSubscriptionId(this, itemIndex);
		return await linqApiRequest.call(this, {
			method: 'GET',
			path: subscriptionPath(id),
			itemIndex,
		});
	},
};
