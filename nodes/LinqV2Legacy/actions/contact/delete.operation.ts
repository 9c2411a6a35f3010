import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { bodyOrSuccess } from '../../../shared/successResult';
import { linqV2Request } from '../../../shared/v2/api';
import { contactIdField, contactPath } from './contactId';

export const deleteContact: LinqOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a contact',
	description: 'Delete a contact for good',
	properties: [contactIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const path = contactPath(this, itemIndex);
		const answer = await linqV2Request.call(this, { method: 'DELETE', path, itemIndex });
		return bodyOrSuccess(answer, { deleted: true, contact_id: Number(path.split('/').pop()) });
	},
};
