import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import { bodyOrSuccess } from '../../../shared/successResult';
import type { LinqOperation } from '../../../shared/operation';

export const markChatAsRead: LinqOperation = {
	value: 'markAsRead',
	name: 'Mark as Read',
	action: 'Mark a chat as read',
	description:
		'Mark every message of a chat as read, which sends read receipts where the service supports them',
	properties: [chatLocatorField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = readChatId(this, itemIndex);
		const body = await linqApiRequest.call(this, {
			method: 'POST',
			path: chatPath(chatId, '/read'),
			itemIndex,
			idempotent: true,
		});
		return bodyOrSuccess(body, { chat_id: chatId });
	},
};
