import type { LinqResource } from '../../../shared/operation';
import { deleteMessage } from './delete.operation';
import { editMessage } from './edit.operation';
import { getMessage } from './get.operation';
import { getManyMessages } from './getMany.operation';
import { getMessageThread } from './getThread.operation';
import { reactToMessage } from './react.operation';
import { sendMessage } from './send.operation';
import { sendAndWait } from './sendAndWait.operation';
import { sendMessageInChat } from './sendInChat.operation';
import { updateAppCard } from './updateAppCard.operation';

export const message: LinqResource = {
	value: 'message',
	name: 'Message',
	description: 'Send, read, edit and react to iMessage, RCS and SMS messages',
	operations: [
		sendMessage,
		sendMessageInChat,
		sendAndWait,
		getMessage,
		getManyMessages,
		getMessageThread,
		editMessage,
		deleteMessage,
		reactToMessage,
		updateAppCard,
	],
	defaultOperation: 'send',
};
