'use strict';
/** Chats: list, create (or reuse) with a first message, find, read, and typing, read and contact actions. */
const { now, nextId, notFound, badRequest, page } = require('./common');
const { send } = require('./messageInput');

function publicChat(chat) {
	const { messageIds, from, ...rest } = chat;
	return { ...rest, message_count: messageIds.length };
}

function chatById(state, chatId) {
	const chat = state.chats.get(Number(chatId));
	if (!chat) throw notFound('Chat');
	return chat;
}

/** The chat from the line `from` with exactly these participants, if there is one. */
function chatBetween(state, from, participants) {
	const wanted = [...participants].sort().join(',');
	return [...state.chats.values()].find(
		(entry) =>
			entry.from === from &&
			entry.chat_handles
				.slice(1)
				.map((handle) => handle.phone_number)
				.sort()
				.join(',') === wanted,
	);
}

function chatRoutes(router) {
	router.get(/^\/chats$/, (_, { query, state }) => {
		if (!query.phone_number) throw badRequest('phone_number is required');
		const list = [...state.chats.values()]
			.filter((chat) => chat.from === query.phone_number)
			.map(publicChat);
		const { items, meta } = page(list, query);
		return { body: { data: items, meta } };
	});
	router.post(/^\/chats$/, (_, { body, state }) => {
		const sendFrom = body?.send_from;
		const numbers = body?.chat?.phone_numbers;
		if (!state.phoneNumbers.some((line) => line.phone_number === sendFrom))
			throw badRequest('send_from must be one of your Linq phone numbers');
		if (!Array.isArray(numbers) || numbers.length === 0)
			throw badRequest('chat.phone_numbers needs at least one phone number');
		let chat = chatBetween(state, sendFrom, numbers);
		if (!chat) {
			chat = {
				id: nextId(state),
				from: sendFrom,
				display_name: body.chat.display_name ?? numbers.join(', '),
				service: 'iMessage',
				group: numbers.length > 1,
				chat_handles: [sendFrom, ...numbers].map((number) => ({
					id: nextId(state),
					phone_number: number,
					service: 'iMessage',
					joined_at: now(),
				})),
				messageIds: [],
			};
			state.chats.set(chat.id, chat);
		}
		const { message } = send(state, chat, body.message);
		const { message_count, ...shown } = publicChat(chat);
		return { body: { data: { ...shown, chat_messages: message } } };
	});
	router.get(/^\/chats\/find$/, (_, { query, searchParams, state }) => {
		const participants = searchParams.getAll('phone_numbers[]');
		if (!query.phone_number || participants.length === 0)
			throw badRequest('phone_number and phone_numbers[] are required');
		const chat = chatBetween(state, query.phone_number, participants);
		return { body: { data: chat ? { chat: publicChat(chat) } : { chat: null, messages: [] } } };
	});
	router.get(/^\/chats\/(\d+)$/, ([chatId], { state }) => ({
		body: { data: publicChat(chatById(state, chatId)) },
	}));
	router.put(/^\/chats\/(\d+)\/mark_as_read$/, ([chatId], { state }) => {
		const chat = chatById(state, chatId);
		for (const messageId of chat.messageIds) state.messages.get(messageId).is_read = true;
		return { status: 204 };
	});
	/** A chat action that only needs the chat to exist. */
	const onChat =
		(status) =>
		([chatId], { state }) => (chatById(state, chatId), { status });
	router.post(/^\/chats\/(\d+)\/start_typing$/, onChat(201));
	router.delete(/^\/chats\/(\d+)\/stop_typing$/, onChat(204));
	router.post(/^\/chats\/(\d+)\/share_contact$/, onChat(201));
}

module.exports = { chatRoutes, chatById };
