import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { bodyOrSuccess } from '../../../shared/successResult';
import { linqV2Request, requireV2Id } from '../../../shared/v2/api';
import { chatIdField } from '../fields';

export const shareContact: LinqOperation = {
	value: 'shareContact',
	name: 'Share Contact',
	action: 'Share your contact card in a chat',
	description:
		'Send the name and photo of your Linq number to the chat (Linq enables contact cards for your account)',
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
			path: `/chats/${chatId}/share_contact`,
			itemIndex,
		});
		return bodyOrSuccess(answer, { chat_id: Number(chatId) });
	},
};
