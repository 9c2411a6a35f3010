import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { bodyOrSuccess } from '../../../shared/successResult';
import type { LinqOperation } from '../../../shared/operation';
import { readSubscriptionId, subscriptionIdField, subscriptionPath } from './fields';

export const deleteWebhookSubscription: LinqOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a webhook subscription',
	description: 'Stop a webhook subscription for good. Linq sends it no more events.',
	properties: [subscriptionIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readSubscriptionId(this, itemIndex);
		const body = await linqApiRequest.call(this, {
			method: 'DELETE',
			path: subscriptionPath(id),
			itemIndex,
		});
		return bodyOrSuccess(body, { id });
	},
};
