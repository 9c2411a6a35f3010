import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { bodyOrSuccess } from '../../../shared/successResult';
import { linqV2Request, requireV2Id } from '../../../shared/v2/api';
import { chatIdField } from '../fields';

export const markChatAsRead: LinqOperation = {
	value: 'markAsRead',
	name: 'Mark as Read',
	action: 'Mark a chat as read',
	description: 'Mark every message of the chat as read',
	properties: [chatIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = requireV2Id(
			this.getNode(),
			this.getNodeParameter('chatId', itemIndex),
			'Chat ID',
			itemIndex,
		);
		const answer = await linqV2Request.call(this, {
			method: 'PUT',
			path: `/chats/${chatId}/mark_as_read`,
			itemIndex,
		});
		return bodyOrSuccess(answer, { chat_id: Number(chatId) });
	},
};
