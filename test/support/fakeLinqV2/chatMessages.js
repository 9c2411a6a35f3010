'use strict';
/** Chat messages: list, send (multipart), get, delete, edit. */
const { now, notFound, badRequest, page } = require('./common');
const { chatById } = require('./chats');
const { send } = require('./messageInput');

function messageIn(state, chat, messageId) {
	const message = state.messages.get(Number(messageId));
	if (!message || message.chat_id !== chat.id) throw notFound('Message');
	return message;
}

function chatMessageRoutes(router) {
	router.get(/^\/chats\/(\d+)\/chat_messages$/, ([chatId], { query, state }) => {
		const chat = chatById(state, chatId);
		let list = chat.messageIds.map((messageId) => state.messages.get(messageId));
		if (query.before) list = list.filter((message) => message.sent_at < query.before);
		if (query.after) list = list.filter((message) => message.sent_at > query.after);
		if (query.sort === 'desc') list = [...list].reverse();
		const { items, meta } = page(list, query);
		return { body: { data: items, meta } };
	});
	router.post(/^\/chats\/(\d+)\/chat_messages$/, ([chatId], { body, multipart, state }) => {
		const chat = chatById(state, chatId);
		if (!multipart) throw badRequest('Send Message takes multipart/form-data');
		const { message, repeated } = send(state, chat, body.message);
		return { status: repeated ? 200 : 201, body: { data: message } };
	});
	router.get(/^\/chats\/(\d+)\/chat_messages\/(\d+)$/, ([chatId, messageId], { state }) => ({
		body: { data: messageIn(state, chatById(state, chatId), messageId) },
	}));
	router.delete(/^\/chats\/(\d+)\/chat_messages\/(\d+)$/, ([chatId, messageId], { state }) => {
		const chat = chatById(state, chatId);
		const message = messageIn(state, chat, messageId);
		state.messages.delete(message.id);
		chat.messageIds = chat.messageIds.filter((entry) => entry !== message.id);
		return { body: { message: 'Message deleted successfully' } };
	});
	router.post(
		/^\/chats\/(\d+)\/chat_messages\/(\d+)\/edit$/,
		([chatId, messageId], { body, state }) => {
			const message = messageIn(state, chatById(state, chatId), messageId);
			if (typeof body?.text !== 'string' || body.text === '') throw badRequest('text is required');
			message.text = body.text;
			message.edited_at = now();
			return {
				body: {
					message: 'Message edited successfully',
					data: { id: message.id, text: message.text },
				},
			};
		},
	);
}

module.exports = { chatMessageRoutes };
