import type { INodeProperties } from 'n8n-workflow';

export const phoneNumberIdField: INodeProperties = {
	displayName: 'Phone Number Name or ID',
	name: 'phoneNumberId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPhoneNumberIds' },
	required: true,
	default: '',
	description:
		'The line to change. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
