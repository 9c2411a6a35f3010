import type { IExecuteFunctions } from 'n8n-workflow';

import { phoneNumberIdField } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request, requireV2Id } from '../../../shared/v2/api';
import { optionalV2Phone } from '../handles';

export const updatePhoneNumber: LinqOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a phone number',
	description: 'Set where calls to one of your Linq numbers are forwarded',
	properties: [
		phoneNumberIdField,
		{
			displayName: 'Forwarding Number',
			name: 'forwardingNumber',
			type: 'string',
			default: '',
			placeholder: '+15551234567',
			description: 'Where calls go when the line is unavailable. Empty stops forwarding.',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const node = this.getNode();
		const id = requireV2Id(
			node,
			this.getNodeParameter('phoneNumberId', itemIndex),
			'Phone Number',
			itemIndex,
		);
		const forwarding = optionalV2Phone(
			node,
			this.getNodeParameter('forwardingNumber', itemIndex, ''),
			'Forwarding Number',
			itemIndex,
		);
		return await linqV2Request.call(this, {
			method: 'PUT',
			path: `/phone_numbers/${id}`,
			// V2 clears the forwarding number when given an empty string.
			body: { forwarding_number: forwarding ?? '' },
			itemIndex,
		});
	},
};
