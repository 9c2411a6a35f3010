import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import type { LinqOperation } from '../../../shared/operation';

export const getManyWebhookSubscriptions: LinqOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many webhook subscriptions',
	description:
		'List every webhook subscription of the account, active or not, one item per subscription',
	properties: [],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = await linqApiRequest.call(this, {
			method: 'GET',
			path: '/v3/webhook-subscriptions',
			itemIndex,
		});
		return (body.subscriptions as IDataObject[] | undefined) ?? [];
	},
};
