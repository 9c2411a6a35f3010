import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';

export const getManyPhoneNumbers: LinqOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many phone numbers',
	description: 'List your Linq numbers with their forwarding number and response rate',
	properties: [],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const answer = await linqV2Request.call(this, {
			method: 'GET',
			path: '/phone_numbers',
			itemIndex,
		});
		return (answer.phone_numbers as IDataObject[] | undefined) ?? [];
	},
};
