import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from './requireId';

export const UUID_REGEX =
	'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** A chat picked from a searchable list, or given by its ID. */
export const chatLocatorField: INodeProperties = {
	displayName: 'Chat',
	name: 'chatId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The chat to act on. Search by name or participant, or give the chat ID.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a chat...',
			typeOptions: { searchListMethod: 'searchChats', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 550e8400-e29b-41d4-a716-446655440000',
			validation: [
				{
					type: 'regex',
					properties: { regex: UUID_REGEX, errorMessage: 'Not a valid chat ID (a UUID)' },
				},
			],
		},
	],
};

/** The chat ID of the Chat field, whichever mode it was given in. */
export function readChatId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('chatId', itemIndex, '', { extractValue: true });
	return requireId(ctx.getNode(), value, 'Chat', itemIndex);
}

/** The API path of a chat, or of something below it. */
export function chatPath(chatId: string, below = ''): string {
	return `/v3/chats/${encodeURIComponent(chatId)}${below}`;
}
