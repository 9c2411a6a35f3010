import type { INodeProperties } from 'n8n-workflow';

import { E164_EXAMPLE } from '../../../shared/handles';
import { fromField } from '../common/fromField';

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
			options: [fromField('Your line to check from. Without it Linq picks one of your lines')],
		},
	];
}
