import type { IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { linqApiRequest } from '../../../shared/transport';
import { requireText } from '../common/requireText';
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
		const node = this.getNode();
		const id = requireText(
			node,
			this.getNodeParameter('phoneNumberId', itemIndex),
			'Phone Number',
			itemIndex,
		);
		const forwarding = String(
			this.getNodeParameter('forwardingNumber', itemIndex, '') ?? '',
		).trim();
		return await linqApiRequest.call(this, {
			method: 'PUT',
			path: `/v3/phone_numbers/${encodeURIComponent(id)}`,
			body: {
				forwarding_number: forwarding
					? requireHandle(node, forwarding, 'Forwarding Number', itemIndex)
					: null,
			},
			itemIndex,
		});
	},
};
