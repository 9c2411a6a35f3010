import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { bodyOrSuccess } from '../../../shared/successResult';
import { linqV2Request, requireV2Id } from '../../../shared/v2/api';
import { chatIdField } from '../fields';

export const startTyping: LinqOperation = {
	value: 'startTyping',
	name: 'Start Typing',
	action: 'Show the typing indicator in a chat',
	description: 'Show that you are typing, for up to 60 seconds or until you send',
	properties: [chatIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = requireV2Id(
			this.getNode(),
			this.getNodeParameter('chatId', itemIndex),
			'Chat ID',
			itemIndex,
		);
		const answer = await linqV2Request.call(this, {
			method: 'POST',
			path: `/chats/${chatId}/start_typing`,
			itemIndex,
		});
		return bodyOrSuccess(answer, { chat_id: Number(chatId) });
	},
};
