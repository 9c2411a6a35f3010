import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { contactBody, contactFieldsCollection } from './contactFields';
import { contactIdField, contactPath } from './contactId';

/** Update (PATCH) and Replace (PUT): V2 treats both alike, changing only the fields given. */
function changeContact(method: 'PATCH' | 'PUT'): LinqOperation {
	const update = method === 'PATCH';
	return {
		value: update ? 'update' : 'replace',
		name: update ? 'Update' : 'Replace',
		action: update ? 'Update a contact' : 'Replace a contact',
		description: update
			? 'Change the fields you give; the others keep their values'
			: 'Send the contact with PUT. Linq V2 treats it like Update: fields left out keep their values.',
		properties: [contactIdField, contactFieldsCollection('Update Fields')],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const path = contactPath(this, itemIndex);
			const fields = this.getNodeParameter('fields', itemIndex, {}) as IDataObject;
			const answer = await linqV2Request.call(this, {
				method,
				path,
				body: contactBody(this, itemIndex, fields, 'Update Fields'),
				itemIndex,
			});
			return (answer.data as IDataObject | undefined) ?? answer;
		},
	};
}

export const updateContact = changeContact('PATCH');

export const replaceContact = changeContact('PUT');
