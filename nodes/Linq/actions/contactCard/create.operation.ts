import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { linqApiRequest } from '../../../shared/transport';
import { requireText } from '../../../shared/requireText';
import type { LinqOperation } from '../../../shared/operation';
import { cardBody, cardLineField, firstNameField, imageUrlField, lastNameField } from './fields';

export const createContactCard: LinqOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a contact card',
	description:
		'Set up, once per line, the name and photo that iMessage recipients see for your number. To change it later use Update.',
	properties: [
		cardLineField('Your line the card belongs to'),
		{ ...firstNameField, required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [imageUrlField, lastNameField],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const node = this.getNode();
		const line = this.getNodeParameter('phoneNumber', itemIndex);
		const firstName = this.getNodeParameter('firstName', itemIndex);
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		return await linqApiRequest.call(this, {
			method: 'POST',
			path: '/v3/contact_card',
			body: {
				...cardBody(additional),
				phone_number: requireHandle(node, line, 'Phone Number', itemIndex),
				first_name: requireText(node, firstName, 'First Name', itemIndex),
			},
			itemIndex,
			// Setting the same card again leaves the same card, so a retry cannot do harm.
			idempotent: true,
		});
	},
};
