import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { linqApiRequest } from '../../../shared/transport';
import { textValue } from '../../../shared/textValue';
import type { LinqOperation } from '../../../shared/operation';
import { phoneNumberIdField } from '../../../shared/fields';
import { phoneNumberPath, readPhoneNumberId } from './fields';

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
		const id = readPhoneNumberId(this, itemIndex);
		const forwarding = textValue(
			node,
			this.getNodeParameter('forwardingNumber', itemIndex, ''),
			'Forwarding Number',
			itemIndex,
		).trim();
		const handle = forwarding
			? requireHandle(node, forwarding, 'Forwarding Number', itemIndex)
			: null;
		if (handle?.includes('@')) {
			throw new NodeOperationError(node, 'Forwarding Number must be a phone number, not an email', {
				itemIndex,
				description: 'Calls can only be forwarded to a phone number, like +15551234567.',
			});
		}
		return await linqApiRequest.call(this, {
			method: 'PUT',
			path: phoneNumberPath(id),
			body: {
				forwarding_number: handle,
			},
			itemIndex,
		});
	},
};
