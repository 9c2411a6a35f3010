import type { INodeProperties } from 'n8n-workflow';

export const messageIdField: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 69a37c7d-af4f-4b5e-af42-e28e98ce873a',
	description: 'The ID of the message, as returned by a send or a Linq Trigger event',
};
