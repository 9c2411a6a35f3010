import type { INodeProperties } from 'n8n-workflow';

import { E164_EXAMPLE } from '../../../shared/handles';

export function capabilityFields(service: string): INodeProperties[] {
	return [
		{
			displayName: 'Address',
			name: 'address',
			type: 'string',
			required: true,
			default: '',
			placeholder: E164_EXAMPLE,
			description: `Phone number with country code (like ${E164_EXAMPLE}) or email address to check for ${service}`,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'From Name or ID',
					name: 'from',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
					default: '',
					description:
						'Your line to check from. Without it Linq picks one of your lines. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
			],
		},
	];
}
