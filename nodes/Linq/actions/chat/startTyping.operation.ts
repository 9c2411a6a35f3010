import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import { bodyOrSuccess } from '../../../shared/successResult';
import type { LinqOperation } from '../../../shared/operation';

export const startTyping: LinqOperation = {
	value: 'startTyping',
	name: 'Start Typing',
	action: 'Start the typing indicator in a chat',
	description:
		'Show the typing indicator in a direct chat that was active in the last 5 minutes. Group chats are refused. Sending a message stops it.',
	properties: [chatLocatorField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = readChatId(this, itemIndex);
		const body = await linqApiRequest.call(this, {
			method: 'POST',
			path: chatPath(chatId, '/typing'),
			itemIndex,
			idempotent: true,
		});
		return bodyOrSuccess(body, { chat_id: chatId });
	},
};
