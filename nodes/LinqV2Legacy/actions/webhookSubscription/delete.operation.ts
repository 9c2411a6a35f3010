import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { bodyOrSuccess } from '../../../shared/successResult';
import { linqV2Request } from '../../../shared/v2/api';
import { readId } from '../fields';
import { subscriptionIdField } from './subscriptionFields';

export const deleteSubscription: LinqOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a webhook subscription',
	description: 'Stop the deliveries of a subscription for good',
	properties: [subscriptionIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readId(this, itemIndex, subscriptionIdField);
		const answer = await linqV2Request.call(this, {
			method: 'DELETE',
			path: `/webhook_subscriptions/${id}`,
			itemIndex,
		});
		return bodyOrSuccess(answer, { deleted: true, subscription_id: Number(id) });
	},
};
