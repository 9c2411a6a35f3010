'use strict';
/** Messages: send (in a chat or to handles), list, thread, read, edit, delete, react. */
const { LINES, now, traceId, invalid, notFound, paginate } = require('./common');
const { chatById, newChat } = require('./chats');
const { requireContent, storeMessage } = require('./messageContent');

const REACTIONS = ['love', 'like', 'dislike', 'laugh', 'emphasize', 'question', 'custom'];

function messageById(state, id) {
	const message = state.messages.get(id);
	if (!message) throw notFound('Message');
	return message;
}

/** The chat with exactly these other handles, if there is one. */
function chatWith(state, to) {
	const wanted = [...to].sort().join();
	return [...state.chats.values()].find(
		(chat) =>
			chat.handles
				.filter((h) => !h.is_me)
				.map((h) => h.handle)
				.sort()
				.join() === wanted,
	);
}

function messageRoutes(router) {
	router.post(/^\/v3\/chats\/([^/]+)\/messages$/, ([id], { body, state }) => {
		const chat = chatById(state, id);
		const message = storeMessage(state, chat, requireContent(state, body));
		return { status: 202, body: { chat_id: chat.id, message } };
	});
	router.get(/^\/v3\/chats\/([^/]+)\/messages$/, ([id], { query, state }) => {
		const chat = chatById(state, id);
		const list = chat.messageIds.map((messageId) => state.messages.get(messageId)).filter(Boolean);
		const { page, next_cursor } = paginate(list, query);
		return { body: { messages: page, next_cursor } };
	});
	router.post(/^\/v3\/messages$/, (_, { body, headers, state }) => {
		const content = requireContent(state, body);
		if (!Array.isArray(body.to) || body.to.length === 0) throw invalid('to is required');
		const key = headers['idempotency-key'] || content.idempotency_key;
		if (key && state.idempotent?.has(key)) return { status: 202, body: state.idempotent.get(key) };
		const existing = chatWith(state, body.to);
		const chat = existing ?? newChat(state, LINES[0], body.to);
		const message = storeMessage(state, chat, content);
		const result = {
			chat_id: chat.id,
			created_new_chat: !existing,
			from: chat.from,
			from_selection: {
				reason: existing ? 'reused_active_chat' : 'new_best_number',
				reused_existing_chat: Boolean(existing),
			},
			handles: chat.handles,
			is_group: chat.is_group,
			message,
			service: 'iMessage',
			previous_chat_id: null,
		};
		if (key) {
			state.idempotent ??= new Map();
			state.idempotent.set(key, result);
		}
		return { status: 202, body: result };
	});
	router.get(/^\/v3\/messages\/([^/]+)$/, ([id], { state }) => ({
		body: messageById(state, id),
	}));
	router.patch(/^\/v3\/messages\/([^/]+)$/, ([id], { body, state }) => {
		const message = messageById(state, id);
		if (typeof body?.text !== 'string') throw invalid('text is required');
		const index = Number(body.part_index ?? 0);
		if (!message.parts[index] || message.parts[index].type !== 'text')
			throw invalid('part_index is not a text part');
		message.parts[index] = { ...message.parts[index], value: body.text };
		message.updated_at = now();
		return { body: message };
	});
	router.delete(/^\/v3\/messages\/([^/]+)$/, ([id], { state }) => {
		messageById(state, id);
		state.messages.delete(id);
		return { status: 204 };
	});
	router.get(/^\/v3\/messages\/([^/]+)\/thread$/, ([id], { query, state }) => {
		const root = messageById(state, id);
		const replies = [...state.messages.values()].filter((m) => m.reply_to?.message_id === id);
		const { page, next_cursor } = paginate([root, ...replies], query);
		return { body: { messages: page, next_cursor } };
	});
	router.post(/^\/v3\/messages\/([^/]+)\/reactions$/, ([id], { body, state }) => {
		const message = messageById(state, id);
		if (!['add', 'remove'].includes(body?.operation))
			throw invalid('operation must be add or remove');
		if (!REACTIONS.includes(body.type)) throw invalid('type is not a reaction type');
		if (body.type === 'custom' && !body.custom_emoji)
			throw invalid('custom_emoji is required for custom reactions');
		message.reactions.push({
			operation: body.operation,
			type: body.type,
			part_index: body.part_index ?? 0,
		});
		return {
			status: 202,
			body: { message: 'Reaction queued', status: 'accepted', trace_id: traceId() },
		};
	});
}

module.exports = { messageRoutes };
