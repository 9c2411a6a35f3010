import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { linqApiRequest } from '../../../shared/transport';
import { requireChanges } from '../../../shared/requireChanges';
import type { LinqOperation } from '../../../shared/operation';
import { cardBody, cardLineField, firstNameField, imageUrlField, lastNameField } from './fields';

export const updateContactCard: LinqOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a contact card',
	description:
		'Change the name or photo of an existing, active contact card. Fields left out keep their current value.',
	properties: [
		cardLineField('Your line whose card to change'),
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
		const line = requireHandle(
			node,
			this.getNodeParameter('phoneNumber', itemIndex),
			'Phone Number',
			itemIndex,
		);
		const body = cardBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
		return await linqApiRequest.call(this, {
			method: 'PATCH',
			path: '/v3/contact_card',
			qs: { phone_number: line },
			body: requireChanges(node, body, ['First Name', 'Last Name', 'Image URL'], itemIndex),
			itemIndex,
		});
	},
};
