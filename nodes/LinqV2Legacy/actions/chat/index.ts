import type { LinqResource } from '../../../shared/operation';
import { createChat } from './create.operation';
import { findChat } from './find.operation';
import { getChat } from './get.operation';
import { getManyChats } from './getMany.operation';
import { markChatAsRead } from './markAsRead.operation';
import { shareContact } from './shareContact.operation';
import { startTyping } from './startTyping.operation';
import { stopTyping } from './stopTyping.operation';

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
