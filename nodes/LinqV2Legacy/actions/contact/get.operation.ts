import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { contactIdField, contactPath } from './contactId';

export const getContact: LinqOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: 'Get a contact with its owner',
	properties: [contactIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const answer = await linqV2Request.call(this, {
			method: 'GET',
			path: contactPath(this, itemIndex),
			itemIndex,
		});
		return (answer.data as IDataObject | undefined) ?? answer;
	},
};
