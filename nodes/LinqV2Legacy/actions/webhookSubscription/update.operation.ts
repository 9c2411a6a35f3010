import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { readId } from '../fields';
import { subscriptionBody, subscriptionFields, subscriptionIdField } from './subscriptionFields';

export const updateSubscription: LinqOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a webhook subscription',
	description: 'Change the URL, events or state of a subscription (V2 needs all of them again)',
	properties: [subscriptionIdField, ...subscriptionFields],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readId(this, itemIndex, subscriptionIdField);
		const answer = await linqV2Request.call(this, {
			method: 'PUT',
			path: `/webhook_subscriptions/${id}`,
			body: subscriptionBody(this, itemIndex),
			itemIndex,
		});
		return (answer.webhook_subscription as IDataObject | undefined) ?? answer;
	},
};
