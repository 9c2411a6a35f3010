import type { IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { linqApiRequest } from '../../../shared/transport';
import type { LinqOperation } from '../types';
import { phoneNumberIdField } from './fields';

export const updatePhoneNumber: LinqOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a phone number',
	description: 'Set or clear the number that calls to this line are forwarded to',
	properties: [
		phoneNumberIdField,
		{
			displayName: 'Forwarding Number',
			name: 'forwardingNumber',
			type: 'string',
			default: '',
			placeholder: '+15551234567',
			description: 'E.164 number to forward calls to. Leave empty to stop forwarding.',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = this.getNodeParameter('phoneNumberId', itemIndex) as string;
		const forwarding = (this.getNodeParameter('forwardingNumber', itemIndex, '') as string).trim();
		return await linqApiRequest.call(this, {
			method: 'PUT',
			path: `/v3/phone_numbers/${encodeURIComponent(id)}`,
			body: {
				forwarding_number: forwarding
					? requireHandle(this.getNode(), forwarding, 'Forwarding Number', itemIndex)
					: null,
			},
			itemIndex,
		});
	},
};
