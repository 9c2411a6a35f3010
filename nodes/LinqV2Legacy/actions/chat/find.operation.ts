import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireHandles } from '../../../shared/handles';
import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { linqNumberField } from '../fields';
import { requireV2Phone } from '../handles';

export const findChat: LinqOperation = {
	value: 'find',
	name: 'Find',
	action: 'Find a chat by its participants',
	description:
		'Find the chat one of your numbers has with these participants. Outputs chat: null when there is none.',
	properties: [
		linqNumberField('phoneNumber', 'Phone Number'),
		{
			displayName: 'Participants',
			name: 'participants',
			type: 'string',
			required: true,
			default: '',
			placeholder: '+15551234567',
			description:
				'The other people in the chat: phone numbers or iMessage emails, separated by commas',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const node = this.getNode();
		const phoneNumber = requireV2Phone(
			node,
			this.getNodeParameter('phoneNumber', itemIndex),
			'Phone Number',
			itemIndex,
		);
		const participants = requireHandles(
			node,
			this.getNodeParameter('participants', itemIndex),
			'Participants',
			itemIndex,
		);
		const answer = await linqV2Request.call(this, {
			method: 'GET',
			path: '/chats/find',
			qs: { phone_number: phoneNumber, phone_numbers: participants },
			itemIndex,
		});
		return (answer.data as IDataObject | undefined) ?? answer;
	},
};
