import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { linqApiRequest } from '../../../shared/transport';
import type { LinqOperation } from '../types';
import { cardBody } from './cardBody';
import { firstNameField, imageUrlField, lastNameField, lineField } from './fields';

export const updateContactCard: LinqOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a contact card',
	description:
		'Change the name or photo of an existing, active contact card. Fields left out keep their current value.',
	properties: [
		lineField('Your line whose card to change'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [firstNameField, imageUrlField, lastNameField],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const node = this.getNode();
		const line = requireHandle(node, this.getNodeParameter('phoneNumber', itemIndex), 'Phone Number', itemIndex);
		const body = cardBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(node, 'Update Fields is empty', {
				itemIndex,
				description: 'Add at least one of First Name, Last Name or Image URL to change.',
			});
		}
		return await linqApiRequest.call(this, {
			method: 'PATCH',
			path: '/v3/contact_card',
			qs: { phone_number: line },
			body,
			itemIndex,
		});
	},
};
