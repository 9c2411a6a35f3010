'use strict';
/** Chats: create, list, read, update, and what is done to a chat (read, typing, leave, voice memo, location). */
const {
	LinqHttpError,
	now,
	traceId,
	uuid,
	invalid,
	notFound,
	handleObject,
	healthStatus,
	paginate,
} = require('./common');
const { requireContent, storeMessage } = require('./messageContent');

/** A chat as the API shows it, without the fake's own bookkeeping. */
function publicChat(chat) {
	const { messageIds, from, ...rest } = chat;
	return rest;
}

function newChat(state, from, to) {
	const chat = {
		id: uuid(),
		from,
		created_at: now(),
		updated_at: now(),
		display_name: null,
		handles: [handleObject(from, { isMe: true }), ...to.map((handle) => handleObject(handle))],
		health_status: healthStatus(),
		is_archived: false,
		is_group: to.length > 1,
		group_chat_icon: null,
		service: 'iMessage',
		messageIds: [],
	};
	state.chats.set(chat.id, chat);
	return chat;
}

function chatById(state, id) {
	const chat = state.chats.get(id);
	if (!chat) throw notFound('Chat');
	return chat;
}

function chatRoutes(router) {
	router.post(/^\/v3\/chats$/, (_, { body, state }) => {
		if (!body?.from || !Array.isArray(body.to) || body.to.length === 0)
			throw invalid('from and to are required');
		const content = requireContent(state, body);
		if (content.parts.some((part) => part.type === 'link')) {
			throw new LinqHttpError(400, 1005, 'The first message of a new chat cannot contain a link');
		}
		const chat = newChat(state, body.from, body.to);
		const message = storeMessage(state, chat, content);
		const { created_at, updated_at, is_archived, group_chat_icon, ...summary } = publicChat(chat);
		return { status: 201, body: { chat: { ...summary, message } } };
	});
	router.get(/^\/v3\/chats$/, (_, { query, state }) => {
		let chats = [...state.chats.values()];
		if (query.from) chats = chats.filter((chat) => chat.from === query.from);
		if (query.to) {
			const wanted = query.to.split(',');
			chats = chats.filter((chat) =>
				wanted.every((handle) => chat.handles.some((h) => h.handle === handle)),
			);
		}
		const { page, next_cursor } = paginate(chats.map(publicChat), query);
		return { body: { chats: page, next_cursor } };
	});
	router.get(/^\/v3\/chats\/([^/]+)$/, ([id], { state }) => ({
		body: publicChat(chatById(state, id)),
	}));
	router.put(/^\/v3\/chats\/([^/]+)$/, ([id], { body, state }) => {
		const chat = chatById(state, id);
		if (body?.display_name !== undefined) chat.display_name = body.display_name;
		if (body?.group_chat_icon !== undefined) chat.group_chat_icon = body.group_chat_icon;
		chat.updated_at = now();
		return { body: { chat_id: id, status: 'accepted' } };
	});

	/** A chat action that only needs the chat to exist. */
	const onChat =
		(answer) =>
		([id], { state }) => (chatById(state, id), answer(id));
	const noContent = () => ({ status: 204 });
	router.post(/^\/v3\/chats\/([^/]+)\/read$/, onChat(noContent));
	router.post(/^\/v3\/chats\/([^/]+)\/share_contact_card$/, onChat(noContent));
	router.post(/^\/v3\/chats\/([^/]+)\/typing$/, onChat(noContent));
	router.delete(/^\/v3\/chats\/([^/]+)\/typing$/, onChat(noContent));
	router.post(
		/^\/v3\/chats\/([^/]+)\/leave$/,
		onChat(() => ({ body: { message: 'Left the chat', status: 'accepted', trace_id: traceId() } })),
	);
	router.post(
		/^\/v3\/chats\/([^/]+)\/location\/request$/,
		onChat(() => ({ status: 202, body: { status: 'requested', trace_id: traceId() } })),
	);
	router.get(
		/^\/v3\/chats\/([^/]+)\/location$/,
		onChat((id) => ({ body: { chat_id: id, locations: [] } })),
	);

	router.post(/^\/v3\/chats\/([^/]+)\/voicememo$/, ([id], { body, state }) => {
		const chat = chatById(state, id);
		if (!body?.voice_memo_url && !body?.attachment_id)
			throw invalid('voice_memo_url or attachment_id is required');
		return {
			status: 202,
			body: {
				voice_memo: {
					id: uuid(),
					chat: {
						id: chat.id,
						handles: chat.handles,
						is_active: true,
						is_group: chat.is_group,
						service: 'iMessage',
					},
					created_at: now(),
					from: chat.from,
					status: 'queued',
					to: chat.handles.filter((h) => !h.is_me).map((h) => h.handle),
					voice_memo: {
						id: body.attachment_id ?? uuid(),
						filename: 'memo.m4a',
						mime_type: 'audio/x-m4a',
						size_bytes: 1,
						url: body.voice_memo_url ?? '',
					},
				},
			},
		};
	});
}

module.exports = { chatRoutes, newChat, chatById, publicChat };
