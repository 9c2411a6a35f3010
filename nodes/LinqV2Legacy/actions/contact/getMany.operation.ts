import type { IExecuteFunctions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';
import { linqV2RequestAllItems } from '../../../shared/v2/pages';

export const getManyContacts: LinqOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many contacts',
	description: "List your organization's contacts",
	properties: [...returnAllFields],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await linqV2RequestAllItems.call(
			this,
			{ method: 'GET', path: '/contacts', itemIndex },
			{
				property: 'contacts',
				returnAll: this.getNodeParameter('returnAll', itemIndex, false) as boolean,
				limit: this.getNodeParameter('limit', itemIndex, 50) as number,
			},
		);
	},
};
