import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireV2Id } from '../../shared/v2/api';

/** A required V2 ID field; V2 IDs are whole numbers. */
export function idField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: '12345',
		description,
	};
}

/** The value of an ID field on one item, refused unless it is a whole number. */
export function readId(ctx: IExecuteFunctions, itemIndex: number, field: INodeProperties): string {
	return requireV2Id(
		ctx.getNode(),
		ctx.getNodeParameter(field.name, itemIndex),
		field.displayName,
		itemIndex,
	);
}

export const chatIdField = idField('chatId', 'Chat ID', 'The ID of the chat, a whole number');

export const messageIdField = idField(
	'messageId',
	'Message ID',
	'The ID of the message, a whole number',
);

/** One of the account's Linq numbers, picked from the list or given in E.164. */
export function linqNumberField(name: string, displayName: string): INodeProperties {
	return {
		displayName: `${displayName} Name or ID`,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
		required: true,
		default: '',
		description:
			'One of your Linq numbers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}
