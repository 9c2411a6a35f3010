import type { INodeProperties } from 'n8n-workflow';

/** The line a new chat is sent from: one of the account's numbers, in E.164. */
export const fromField: INodeProperties = {
	displayName: 'From Name or ID',
	name: 'from',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
	required: true,
	default: '',
	description:
		'The Linq number to send from, in E.164 format like +15551234567. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
