import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { requireText } from '../common/requireText';
import { bodyOrSuccess } from '../common/successResult';
import type { LinqOperation } from '../types';
import { subscriptionIdField } from './fields';

export const deleteWebhookSubscription: LinqOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a webhook subscription',
	description: 'Stop a webhook subscription for good. Linq sends it no more events.',
	properties: [subscriptionIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const node = this.getNode();
		const id = requireText(
			node,
			this.getNodeParameter('subscriptionId', itemIndex),
			'Subscription ID',
			itemIndex,
		);
		const body = await linqApiRequest.call(this, {
			method: 'DELETE',
			path: `/v3/webhook-subscriptions/${encodeURIComponent(id)}`,
			itemIndex,
		});
		return bodyOrSuccess(body, { id });
	},
};
