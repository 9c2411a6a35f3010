import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import type { LinqOperation } from '../../../shared/operation';

export const leaveChat: LinqOperation = {
	value: 'leave',
	name: 'Leave',
	action: 'Leave a chat',
	description:
		'Remove your number from an iMessage group chat of 4 or more participants. Afterwards the chat refuses sends.',
	properties: [chatLocatorField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = readChatId(this, itemIndex);
		return await linqApiRequest.call(this, {
			method: 'POST',
			path: chatPath(chatId, '/leave'),
			itemIndex,
			idempotent: true,
		});
	},
};
