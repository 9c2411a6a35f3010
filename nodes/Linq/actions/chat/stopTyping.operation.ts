import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import { bodyOrSuccess } from '../../../shared/successResult';
import type { LinqOperation } from '../../../shared/operation';

export const stopTyping: LinqOperation = {
	value: 'stopTyping',
	name: 'Stop Typing',
	action: 'Stop the typing indicator in a chat',
	description: 'Hide the typing indicator in a direct chat',
	properties: [chatLocatorField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = readChatId(this, itemIndex);
		const body = await linqApiRequest.call(this, {
			method: 'DELETE',
			path: chatPath(chatId, '/typing'),
			itemIndex,
		});
		return bodyOrSuccess(body, { chat_id: chatId });
	},
};
