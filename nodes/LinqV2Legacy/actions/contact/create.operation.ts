import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { contactBody, contactFieldsCollection } from './contactFields';

export const createContact: LinqOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: "Add a person to your organization's address book",
	properties: [contactFieldsCollection('Contact Fields')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const fields = this.getNodeParameter('fields', itemIndex, {}) as IDataObject;
		const answer = await linqV2Request.call(this, {
			method: 'POST',
			path: '/contacts',
			body: contactBody(this, itemIndex, fields, 'Contact Fields'),
			itemIndex,
		});
		return (answer.data as IDataObject | undefined) ?? answer;
	},
};
