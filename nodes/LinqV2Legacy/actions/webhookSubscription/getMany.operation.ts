import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';

export const getManySubscriptions: LinqOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many webhook subscriptions',
	description: 'List your webhook subscriptions (Linq never shows their secrets)',
	properties: [],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const answer = await linqV2Request.call(this, {
			method: 'GET',
			path: '/webhook_subscriptions',
			itemIndex,
		});
		return (answer.webhook_subscriptions as IDataObject[] | undefined) ?? [];
	},
};
