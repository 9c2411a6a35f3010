import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import type { LinqOperation } from '../../../shared/operation';

export const getManyPhoneNumbers: LinqOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many phone numbers',
	description:
		'List the phone numbers (lines) of the Linq account with their reputation (healthy, at risk or critical) and call forwarding number',
	properties: [],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = await linqApiRequest.call(this, {
			method: 'GET',
			path: '/v3/phone_numbers',
			itemIndex,
		});
		return (body.phone_numbers as IDataObject[] | undefined) ?? [];
	},
};
