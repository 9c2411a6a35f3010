import type { IExecuteFunctions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';
import { linqV2RequestAllItems } from '../../../shared/v2/pages';
import { linqNumberField } from '../fields';
import { requireV2Phone } from '../handles';

export const getManyChats: LinqOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many chats',
	description: 'List the chats of one of your Linq numbers',
	properties: [linqNumberField('phoneNumber', 'Phone Number'), ...returnAllFields],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const phoneNumber = requireV2Phone(
			this.getNode(),
			this.getNodeParameter('phoneNumber', itemIndex),
			'Phone Number',
			itemIndex,
		);
		return await linqV2RequestAllItems.call(
			this,
			{ method: 'GET', path: '/chats', qs: { phone_number: phoneNumber }, itemIndex },
			{
				property: 'data',
				returnAll: this.getNodeParameter('returnAll', itemIndex, false) as boolean,
				limit: this.getNodeParameter('limit', itemIndex, 50) as number,
			},
		);
	},
};
