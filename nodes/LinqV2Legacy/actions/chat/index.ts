import type { LinqResource } from '../../../shared/operation';
import { markChatAsRead, shareContact, startTyping, stopTyping } from './chatActions';
import { createChat } from './create.operation';
import { findChat } from './find.operation';
import { getChat } from './get.operation';
import { getManyChats } from './getMany.operation';

export const chat: LinqResource = {
	value: 'chat',
	name: 'Chat',
	description: 'Find or create chats, and act in them',
	operations: [
		createChat,
		getChat,
		getManyChats,
		findChat,
		markChatAsRead,
		shareContact,
		startTyping,
		stopTyping,
	],
	defaultOperation: 'create',
};
