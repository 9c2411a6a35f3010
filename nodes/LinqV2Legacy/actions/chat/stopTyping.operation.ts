import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { bodyOrSuccess } from '../../../shared/successResult';
import { linqV2Request, requireV2Id } from '../../../shared/v2/api';
import { chatIdField } from '../fields';

export const stopTyping: LinqOperation = {
	value: 'stopTyping',
	name: 'Stop Typing',
	action: 'Remove the typing indicator from a chat',
	description: 'Stop showing that you are typing',
	properties: [chatIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = requireV2Id(
			this.getNode(),
			this.getNodeParameter('chatId', itemIndex),
			'Chat ID',
			itemIndex,
		);
		const answer = await linqV2Request.call(this, {
			method: 'DELETE',
			path: `/chats/${chatId}/stop_typing`,
			itemIndex,
		});
		return bodyOrSuccess(answer, { chat_id: Number(chatId) });
	},
};
