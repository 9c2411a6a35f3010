import type { LinqResource } from '../../../shared/operation';
import { deleteMessage } from './delete.operation';
import { editMessage } from './edit.operation';
import { getMessage } from './get.operation';
import { getManyMessages } from './getMany.operation';
import { sendMessage } from './send.operation';

export const chatMessage: LinqResource = {
	value: 'chatMessage',
	name: 'Chat Message',
	description: 'Send, read, edit and delete the messages of a chat',
	operations: [sendMessage, getMessage, getManyMessages, editMessage, deleteMessage],
	defaultOperation: 'send',
};
