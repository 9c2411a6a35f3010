import type { INodeProperties } from 'n8n-workflow';

import { E164_EXAMPLE } from '../../../shared/handles';
import { chatLocatorField } from '../common/chatLocator';

/** Participants exist only in group chats, so the shared Chat field says so. */
export const groupChatField: INodeProperties = {
	...chatLocatorField,
	description: 'The group chat. Search by name or participant, or give the chat ID.',
};

export const handleField: INodeProperties = {
	displayName: 'Handle',
	name: 'handle',
	type: 'string',
	required: true,
	default: '',
	placeholder: E164_EXAMPLE,
	description: `Phone number with country code (like ${E164_EXAMPLE}) or iMessage email address of the participant`,
};
