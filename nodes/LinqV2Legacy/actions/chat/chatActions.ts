import type { IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { bodyOrSuccess } from '../../../shared/successResult';
import { linqV2Request } from '../../../shared/v2/api';
import { chatIdField, readId } from '../fields';

type ChatAction = Pick<LinqOperation, 'value' | 'name' | 'action' | 'description'> & {
	method: IHttpRequestMethods;
	/** The path segment after /chats/{id}/. */
	endpoint: string;
};

/** V2's actions on one chat: a request with no body, answered with the chat's id. */
function chatAction({ method, endpoint, ...display }: ChatAction): LinqOperation {
	return {
		...display,
		properties: [chatIdField],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const chatId = readId(this, itemIndex, chatIdField);
			const answer = await linqV2Request.call(this, {
				method,
				path: `/chats/${chatId}/${endpoint}`,
				itemIndex,
			});
			return bodyOrSuccess(answer, { chat_id: Number(chatId) });
		},
	};
}

export const markChatAsRead = chatAction({
	value: 'markAsRead',
	name: 'Mark as Read',
	action: 'Mark a chat as read',
	description: 'Mark every message of the chat as read',
	method: 'PUT',
	endpoint: 'mark_as_read',
});

export const shareContact = chatAction({
	value: 'shareContact',
	name: 'Share Contact',
	action: 'Share your contact card in a chat',
	description:
		'Send the name and photo of your Linq number to the chat (Linq enables contact cards for your account)',
	method: 'POST',
	endpoint: 'share_contact',
});

export const startTyping = chatAction({
	value: 'startTyping',
	name: 'Start Typing',
	action: 'Show the typing indicator in a chat',
	description: 'Show that you are typing, for up to 60 seconds or until you send',
	method: 'POST',
	endpoint: 'start_typing',
});

export const stopTyping = chatAction({
	value: 'stopTyping',
	name: 'Stop Typing',
	action: 'Remove the typing indicator from a chat',
	description: 'Stop showing that you are typing',
	method: 'DELETE',
	endpoint: 'stop_typing',
});
