import type { LinqResource } from '../../../shared/operation';
import { createChat } from './create.operation';
import { getChat } from './get.operation';
import { getLocation } from './getLocation.operation';
import { getManyChats } from './getMany.operation';
import { leaveChat } from './leave.operation';
import { markChatAsRead } from './markAsRead.operation';
import { requestLocation } from './requestLocation.operation';
import { sendVoiceMemo } from './sendVoiceMemo.operation';
import { shareContactCard } from './shareContactCard.operation';
import { startTyping } from './startTyping.operation';
import { stopTyping } from './stopTyping.operation';
import { updateChat } from './update.operation';

export const chat: LinqResource = {
	value: 'chat',
	name: 'Chat',
	description: 'Start and manage direct and group conversations',
	operations: [
		createChat,
		getChat,
		getManyChats,
		updateChat,
		markChatAsRead,
		leaveChat,
		shareContactCard,
		startTyping,
		stopTyping,
		sendVoiceMemo,
		requestLocation,
		getLocation,
	],
	defaultOperation: 'create',
};
