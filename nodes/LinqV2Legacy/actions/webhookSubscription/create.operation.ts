import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { subscriptionBody, subscriptionFields } from './subscriptionFields';

export const createSubscription: LinqOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a webhook subscription',
	description: 'Have Linq post events to a URL (the V2 trigger does this for you)',
	properties: subscriptionFields,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const answer = await linqV2Request.call(this, {
			method: 'POST',
			path: '/webhook_subscriptions',
			body: subscriptionBody(this, itemIndex),
			itemIndex,
		});
		return (answer.webhook_subscription as IDataObject | undefined) ?? answer;
	},
};
