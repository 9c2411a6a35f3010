import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import { messageBodyFields, messageOptionsField } from '../common/messageContentFields';
import { messageWithUploads, prepareMessage, withSmsAnalysis } from '../common/prepareMessage';
import { stopTypingInstead } from '../common/stopTyping';
import type { LinqOperation } from '../../../shared/operation';

export const sendMessageInChat: LinqOperation = {
	value: 'sendInChat',
	name: 'Send in Chat',
	action: 'Send a message in a chat',
	description: 'Send a message into an existing chat, optionally as a reply to one of its messages',
	concurrent: true,
	properties: [
		chatLocatorField,
		...messageBodyFields,
		messageOptionsField({ replyTo: true, stopTyping: true }),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = readChatId(this, itemIndex);
		const stopped = await stopTypingInstead.call(this, itemIndex, { chatId });
		if (stopped) return stopped;
		const prepared = await prepareMessage.call(this, itemIndex, { pair: `chat:${chatId}` });
		const message = await messageWithUploads.call(this, itemIndex, prepared);
		const answer = await linqApiRequest.call(this, {
			method: 'POST',
			path: chatPath(chatId, '/messages'),
			body: { message },
			itemIndex,
		});
		return withSmsAnalysis(answer, prepared);
	},
};
