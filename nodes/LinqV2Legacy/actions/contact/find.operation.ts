import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { optionalEmail, optionalV2Phone } from '../handles';

export const findContact: LinqOperation = {
	value: 'find',
	name: 'Find',
	action: 'Find a contact by email or phone number',
	description:
		'Find the contact with this email or phone number (either may match). Outputs contact: null when there is none.',
	properties: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: '+15551234567',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const node = this.getNode();
		const email = optionalEmail(
			node,
			this.getNodeParameter('email', itemIndex, ''),
			'Email',
			itemIndex,
		);
		const phone = optionalV2Phone(
			node,
			this.getNodeParameter('phoneNumber', itemIndex, ''),
			'Phone Number',
			itemIndex,
		);
		if (!email && !phone) {
			throw new NodeOperationError(node, 'Give an Email or a Phone Number to find', { itemIndex });
		}
		const answer = await linqV2Request.call(this, {
			method: 'GET',
			path: '/contacts/find',
			qs: { email, phone_number: phone },
			itemIndex,
		});
		return (answer.data as IDataObject | undefined) ?? answer;
	},
};
