'use strict';
/**
 * A fake Linq Partner API V3 on 127.0.0.1 for end-to-end tests (and for trying the nodes by
 * hand: `node test/support/fakeLinq.js`). Response shapes follow @linqapp/sdk. It checks the
 * Bearer token, checks every API request against the V3 contract (linqContract.js: a request
 * that breaks it gets 400 with the zod issues), records every request, serves presigned uploads, paginates with next_cursor,
 * issues a whsec_ secret per webhook subscription, injects faults, and delivers webhooks signed
 * like Linq signs them.
 *
 * In-process use: `const fake = await startFakeLinq(); fake.baseUrl; fake.requests; ...`.
 * Other processes use the control API under /__control (see CONTROL_ROUTES).
 */
const crypto = require('node:crypto');
const http = require('node:http');
const https = require('node:https');
const { contractIssues } = require('./linqContract');
const { signatureHeaders } = require('./webhookSignature');

const DEFAULT_TOKEN = 'linq_e2e_token_5b9c2d7e1f3a';
const API_PREFIX = '/api/partner';
const LINES = ['+15550100001', '+15550100002'];

const now = () => new Date().toISOString();
const traceId = () => crypto.randomBytes(16).toString('hex');
const uuid = () => crypto.randomUUID();

/** The event types Linq lists at GET /v3/webhook-events. */
const EVENT_TYPES = [
	'message.sent',
	'message.received',
	'message.read',
	'message.delivered',
	'message.failed',
	'message.edited',
	'reaction.added',
	'reaction.removed',
	'participant.added',
	'participant.removed',
	'chat.created',
	'chat.group_name_updated',
	'chat.group_icon_updated',
	'chat.group_name_update_failed',
	'chat.group_icon_update_failed',
	'chat.typing_indicator.started',
	'chat.typing_indicator.stopped',
	'phone_number.status_updated',
	'call.initiated',
	'call.ringing',
	'call.answered',
	'call.ended',
	'call.failed',
	'call.declined',
	'call.no_answer',
	'location.sharing.started',
	'location.sharing.stopped',
];

class LinqHttpError extends Error {
	constructor(status, code, message, headers = {}) {
		super(message);
		this.status = status;
		this.code = code;
		this.headers = headers;
	}
}

const notFound = (what) => new LinqHttpError(404, 2001, `${what} not found`);
const invalid = (message) => new LinqHttpError(400, 1001, message);

function handleObject(handle, { isMe = false } = {}) {
	return {
		id: uuid(),
		handle,
		joined_at: now(),
		service: 'iMessage',
		is_me: isMe,
		left_at: null,
		status: 'active',
	};
}

function healthStatus() {
	return {
		status: 'HEALTHY',
		updated_at: now(),
		doc_url: 'https://docs.linqapp.com/guides/phone-numbers/phone-reputation',
	};
}

function partsForResponse(content) {
	return (content.parts ?? []).map((part) => {
		if (part.type === 'media') {
			return {
				type: 'media',
				id: part.attachment_id ?? uuid(),
				url: part.url ?? `https://cdn.linq.test/${part.attachment_id}`,
				filename: 'file',
				mime_type: 'application/octet-stream',
				size_bytes: 0,
				reactions: null,
			};
		}
		return { ...part, reactions: null };
	});
}

function createState() {
	return {
		phoneNumbers: LINES.map((number, index) => ({
			id: `pn_${index + 1}`,
			phone_number: number,
			type: 'APPLE_ID',
			country_code: 'US',
			forwarding_number: null,
			health_status: healthStatus(),
		})),
		chats: new Map(),
		messages: new Map(),
		attachments: new Map(),
		subscriptions: new Map(),
		contactCard: null,
	};
}

/** Builds a Linq V3 webhook envelope (payload version 2026-02-03). */
function messageEvent({
	eventType = 'message.received',
	direction = 'inbound',
	text = 'Hello from the fake',
	chatId = uuid(),
	from = '+15557654321',
	to = LINES[0],
	parts,
	messageId = uuid(),
	eventId = uuid(),
} = {}) {
	const inbound = direction === 'inbound';
	return {
		api_version: 'v3',
		webhook_version: '2026-02-03',
		event_id: eventId,
		event_type: eventType,
		created_at: now(),
		trace_id: traceId(),
		partner_id: 'partner_e2e',
		data: {
			id: messageId,
			direction,
			sender_handle: handleObject(inbound ? from : to, { isMe: !inbound }),
			chat: { id: chatId, is_group: false, owner_handle: handleObject(to, { isMe: true }) },
			parts: parts ?? [{ type: 'text', value: text }],
			service: 'iMessage',
			sent_at: now(),
			delivered_at: null,
			read_at: null,
			effect: null,
			reply_to: null,
			idempotency_key: null,
		},
	};
}

/** Standard Webhooks signature plus the legacy X-Webhook-* headers, as Linq sends both. */
function signDelivery({
	secret,
	body,
	eventType,
	subscriptionId,
	webhookId = `msg_${uuid()}`,
	timestamp,
}) {
	const ts = timestamp ?? Math.floor(Date.now() / 1000);
	return {
		'content-type': 'application/json',
		...signatureHeaders(body, { secret, id: webhookId, timestamp: ts }),
		'x-webhook-event': eventType,
		'x-webhook-subscription-id': subscriptionId,
	};
}

async function post(url, headers, body) {
	const response = await fetch(url, {
		method: 'POST',
		headers,
		body,
		signal: AbortSignal.timeout(60_000),
	});
	return { status: response.status, body: await response.text() };
}

function paginate(list, query) {
	const limit = Math.min(100, Math.max(1, Number(query.limit) || 20));
	const start = query.cursor ? Number(Buffer.from(query.cursor, 'base64url').toString()) : 0;
	if (!Number.isInteger(start) || start < 0) throw invalid('cursor is invalid');
	const page = list.slice(start, start + limit);
	const next =
		start + limit < list.length ? Buffer.from(String(start + limit)).toString('base64url') : '';
	return { page, next_cursor: next };
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * `tls: {key, cert}` adds an HTTPS listener for presigned uploads and file downloads, which
 * real Linq serves over https only (our nodes refuse anything else).
 */
async function startFakeLinq({ token = DEFAULT_TOKEN, port = 0, tls } = {}) {
	let state = createState();
	const requests = [];
	let faults = [];
	let faultPlan;
	const deliveries = [];
	let url = '';
	let storageUrl = '';

	function sentMessage(content, fromNumber) {
		const message = {
			id: uuid(),
			created_at: now(),
			sent_at: null,
			delivered_at: null,
			delivery_status: 'queued',
			is_read: false,
			parts: partsForResponse(content),
			effect: content.effect ?? null,
			from_handle: handleObject(fromNumber, { isMe: true }),
			preferred_service: content.preferred_service ?? null,
			reply_to: content.reply_to ?? null,
		};
		return message;
	}

	function storeMessage(chat, content) {
		const message = sentMessage(content, chat.from);
		state.messages.set(message.id, {
			...message,
			chat_id: chat.id,
			is_from_me: true,
			is_delivered: false,
			updated_at: message.created_at,
			reactions: [],
		});
		chat.messageIds.push(message.id);
		return message;
	}

	function publicChat(chat) {
		const { messageIds, from, ...rest } = chat;
		return rest;
	}

	function newChat(from, to) {
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

	/** As Linq documents text_decorations: in-bounds UTF-16 ranges, one style or animation each, animations overlapping nothing. */
	function checkDecorations(value, decorations) {
		const styles = ['bold', 'italic', 'strikethrough', 'underline'];
		const animations = ['big', 'small', 'shake', 'nod', 'explode', 'ripple', 'bloom', 'jitter'];
		if (!Array.isArray(decorations)) throw invalid('text_decorations must be an array');
		for (const decoration of decorations) {
			const [start, end] = decoration.range ?? [];
			if (
				!Number.isInteger(start) ||
				!Number.isInteger(end) ||
				start < 0 ||
				end > value.length ||
				start >= end
			)
				throw invalid(
					`text_decorations range ${JSON.stringify(decoration.range)} is outside the text`,
				);
			const kinds = [decoration.style, decoration.animation].filter((kind) => kind !== undefined);
			if (kinds.length !== 1)
				throw invalid('each text decoration needs exactly one of style or animation');
			if (decoration.style !== undefined && !styles.includes(decoration.style))
				throw invalid(`unknown style ${decoration.style}`);
			if (decoration.animation !== undefined && !animations.includes(decoration.animation))
				throw invalid(`unknown animation ${decoration.animation}`);
		}
		for (const a of decorations) {
			if (a.animation === undefined) continue;
			for (const b of decorations) {
				if (a !== b && a.range[0] < b.range[1] && b.range[0] < a.range[1])
					throw invalid('an animation range overlaps another decoration');
			}
		}
	}

	function requireContent(body) {
		const content = body?.message;
		if (!content || !Array.isArray(content.parts) || content.parts.length === 0) {
			throw invalid('message.parts is required');
		}
		for (const part of content.parts) {
			if (part.type === 'text' && part.text_decorations !== undefined) {
				checkDecorations(part.value, part.text_decorations);
			}
			if (part.type === 'media' && part.attachment_id) {
				const attachment = state.attachments.get(part.attachment_id);
				if (!attachment)
					throw new LinqHttpError(400, 5001, `Attachment ${part.attachment_id} not found`);
				if (!attachment.bytes)
					throw new LinqHttpError(400, 5002, `Attachment ${part.attachment_id} was never uploaded`);
			}
		}
		return content;
	}

	function chatById(id) {
		const chat = state.chats.get(id);
		if (!chat) throw notFound('Chat');
		return chat;
	}

	function messageById(id) {
		const message = state.messages.get(id);
		if (!message) throw notFound('Message');
		return message;
	}

	function subscriptionById(id) {
		const subscription = state.subscriptions.get(id);
		if (!subscription) throw notFound('Webhook subscription');
		return subscription;
	}

	function publicSubscription(subscription) {
		const { signing_secret, ...rest } = subscription;
		return rest;
	}

	/** [method, pattern, handler(match, ctx) -> {status, body}] */
	const routes = [
		['GET', /^\/v3\/phone_numbers$/, () => ({ body: { phone_numbers: state.phoneNumbers } })],
		['GET', /^\/v3\/phonenumbers$/, () => ({ body: { phone_numbers: state.phoneNumbers } })],
		[
			'PUT',
			/^\/v3\/phone_numbers\/([^/]+)$/,
			([id], { body }) => {
				const line = state.phoneNumbers.find((candidate) => candidate.id === id);
				if (!line) throw notFound('Phone number');
				line.forwarding_number = body?.forwarding_number ?? null;
				return { body: line };
			},
		],
		[
			'POST',
			/^\/v3\/chats$/,
			(_, { body }) => {
				if (!body?.from || !Array.isArray(body.to) || body.to.length === 0)
					throw invalid('from and to are required');
				const content = requireContent(body);
				if (content.parts.some((part) => part.type === 'link')) {
					throw new LinqHttpError(
						400,
						1005,
						'The first message of a new chat cannot contain a link',
					);
				}
				const chat = newChat(body.from, body.to);
				const message = storeMessage(chat, content);
				const { created_at, updated_at, is_archived, group_chat_icon, ...summary } =
					publicChat(chat);
				return { status: 201, body: { chat: { ...summary, message } } };
			},
		],
		[
			'GET',
			/^\/v3\/chats$/,
			(_, { query }) => {
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
			},
		],
		['GET', /^\/v3\/chats\/([^/]+)$/, ([id]) => ({ body: publicChat(chatById(id)) })],
		[
			'PUT',
			/^\/v3\/chats\/([^/]+)$/,
			([id], { body }) => {
				const chat = chatById(id);
				if (body?.display_name !== undefined) chat.display_name = body.display_name;
				if (body?.group_chat_icon !== undefined) chat.group_chat_icon = body.group_chat_icon;
				chat.updated_at = now();
				return { body: { chat_id: id, status: 'accepted' } };
			},
		],
		['POST', /^\/v3\/chats\/([^/]+)\/read$/, ([id]) => (chatById(id), { status: 204 })],
		[
			'POST',
			/^\/v3\/chats\/([^/]+)\/share_contact_card$/,
			([id]) => (chatById(id), { status: 204 }),
		],
		[
			'POST',
			/^\/v3\/chats\/([^/]+)\/leave$/,
			([id]) => (
				chatById(id),
				{ body: { message: 'Left the chat', status: 'accepted', trace_id: traceId() } }
			),
		],
		['POST', /^\/v3\/chats\/([^/]+)\/typing$/, ([id]) => (chatById(id), { status: 204 })],
		['DELETE', /^\/v3\/chats\/([^/]+)\/typing$/, ([id]) => (chatById(id), { status: 204 })],
		[
			'POST',
			/^\/v3\/chats\/([^/]+)\/participants$/,
			([id], { body }) => {
				const chat = chatById(id);
				if (!body?.handle) throw invalid('handle is required');
				chat.handles.push(handleObject(body.handle));
				return {
					status: 202,
					body: { message: 'Participant added', status: 'accepted', trace_id: traceId() },
				};
			},
		],
		[
			'DELETE',
			/^\/v3\/chats\/([^/]+)\/participants$/,
			([id], { body }) => {
				const chat = chatById(id);
				if (!body?.handle) throw invalid('handle is required');
				chat.handles = chat.handles.filter((handle) => handle.handle !== body.handle);
				return {
					status: 202,
					body: { message: 'Participant removed', status: 'accepted', trace_id: traceId() },
				};
			},
		],
		[
			'POST',
			/^\/v3\/chats\/([^/]+)\/voicememo$/,
			([id], { body }) => {
				const chat = chatById(id);
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
			},
		],
		[
			'POST',
			/^\/v3\/chats\/([^/]+)\/location\/request$/,
			([id]) => (chatById(id), { status: 202, body: { status: 'requested', trace_id: traceId() } }),
		],
		[
			'GET',
			/^\/v3\/chats\/([^/]+)\/location$/,
			([id]) => (chatById(id), { body: { chat_id: id, locations: [] } }),
		],
		[
			'POST',
			/^\/v3\/chats\/([^/]+)\/messages$/,
			([id], { body }) => {
				const chat = chatById(id);
				const message = storeMessage(chat, requireContent(body));
				return { status: 202, body: { chat_id: chat.id, message } };
			},
		],
		[
			'GET',
			/^\/v3\/chats\/([^/]+)\/messages$/,
			([id], { query }) => {
				const chat = chatById(id);
				const list = chat.messageIds
					.map((messageId) => state.messages.get(messageId))
					.filter(Boolean);
				const { page, next_cursor } = paginate(list, query);
				return { body: { messages: page, next_cursor } };
			},
		],
		[
			'POST',
			/^\/v3\/messages$/,
			(_, { body, headers }) => {
				const content = requireContent(body);
				if (!Array.isArray(body.to) || body.to.length === 0) throw invalid('to is required');
				const key = headers['idempotency-key'] || content.idempotency_key;
				if (key && state.idempotent?.has(key))
					return { status: 202, body: state.idempotent.get(key) };
				const existing = [...state.chats.values()].find(
					(chat) =>
						chat.handles
							.filter((h) => !h.is_me)
							.map((h) => h.handle)
							.sort()
							.join() === [...body.to].sort().join(),
				);
				const chat = existing ?? newChat(LINES[0], body.to);
				const message = storeMessage(chat, content);
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
			},
		],
		['GET', /^\/v3\/messages\/([^/]+)$/, ([id]) => ({ body: messageById(id) })],
		[
			'PATCH',
			/^\/v3\/messages\/([^/]+)$/,
			([id], { body }) => {
				const message = messageById(id);
				if (typeof body?.text !== 'string') throw invalid('text is required');
				const index = Number(body.part_index ?? 0);
				if (!message.parts[index] || message.parts[index].type !== 'text')
					throw invalid('part_index is not a text part');
				message.parts[index] = { ...message.parts[index], value: body.text };
				message.updated_at = now();
				return { body: message };
			},
		],
		[
			'DELETE',
			/^\/v3\/messages\/([^/]+)$/,
			([id]) => (messageById(id), state.messages.delete(id), { status: 204 }),
		],
		[
			'GET',
			/^\/v3\/messages\/([^/]+)\/thread$/,
			([id], { query }) => {
				const root = messageById(id);
				const replies = [...state.messages.values()].filter((m) => m.reply_to?.message_id === id);
				const { page, next_cursor } = paginate([root, ...replies], query);
				return { body: { messages: page, next_cursor } };
			},
		],
		[
			'POST',
			/^\/v3\/messages\/([^/]+)\/reactions$/,
			([id], { body }) => {
				const message = messageById(id);
				if (!['add', 'remove'].includes(body?.operation))
					throw invalid('operation must be add or remove');
				const types = ['love', 'like', 'dislike', 'laugh', 'emphasize', 'question', 'custom'];
				if (!types.includes(body.type)) throw invalid('type is not a reaction type');
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
			},
		],
		[
			'POST',
			/^\/v3\/attachments$/,
			(_, { body }) => {
				if (!body?.filename || !body?.content_type || !Number.isInteger(body?.size_bytes)) {
					throw invalid('filename, content_type and size_bytes are required');
				}
				if (body.size_bytes > 100 * 1024 * 1024)
					throw new LinqHttpError(400, 5003, 'File is larger than 100 MB');
				const id = uuid();
				const signature = crypto.randomBytes(12).toString('hex');
				state.attachments.set(id, {
					id,
					filename: body.filename,
					content_type: body.content_type,
					size_bytes: body.size_bytes,
					signature,
					bytes: null,
					status: 'pending',
					created_at: now(),
				});
				return {
					status: 201,
					body: {
						attachment_id: id,
						upload_url: `${storageUrl}/uploads/${id}?X-Amz-Expires=900&X-Amz-Signature=${signature}`,
						required_headers: { 'Content-Type': body.content_type },
						http_method: 'PUT',
						expires_at: new Date(Date.now() + 15 * 60_000).toISOString(),
						download_url: `${storageUrl}/files/${id}/${encodeURIComponent(body.filename)}`,
					},
				};
			},
		],
		[
			'GET',
			/^\/v3\/attachments\/([^/]+)$/,
			([id]) => {
				const attachment = state.attachments.get(id);
				if (!attachment) throw notFound('Attachment');
				return {
					body: {
						id,
						filename: attachment.filename,
						content_type: attachment.content_type,
						size_bytes: attachment.size_bytes,
						status: attachment.bytes ? 'complete' : 'pending',
						created_at: attachment.created_at,
						download_url: `${storageUrl}/files/${id}/${encodeURIComponent(attachment.filename)}`,
					},
				};
			},
		],
		[
			'DELETE',
			/^\/v3\/attachments\/([^/]+)$/,
			([id]) => {
				if (!state.attachments.delete(id)) throw notFound('Attachment');
				return { status: 204 };
			},
		],
		[
			'POST',
			/^\/v3\/capability\/(check_imessage|check_rcs)$/,
			(_, { body }) => {
				if (!body?.address) throw invalid('address is required');
				return { body: { address: body.address, available: !body.address.endsWith('0') } };
			},
		],
		[
			'GET',
			/^\/v3\/contact_card$/,
			() => {
				if (!state.contactCard) throw notFound('Contact card');
				return { body: state.contactCard };
			},
		],
		[
			'POST',
			/^\/v3\/contact_card$/,
			(_, { body }) => {
				state.contactCard = { ...body, updated_at: now() };
				return { status: 201, body: state.contactCard };
			},
		],
		[
			'PATCH',
			/^\/v3\/contact_card$/,
			(_, { body }) => {
				if (!state.contactCard) throw notFound('Contact card');
				state.contactCard = { ...state.contactCard, ...body, updated_at: now() };
				return { body: state.contactCard };
			},
		],
		[
			'GET',
			/^\/v3\/webhook-events$/,
			() => ({
				body: { events: EVENT_TYPES, doc_url: 'https://docs.linqapp.com/guides/webhooks/events' },
			}),
		],
		[
			'POST',
			/^\/v3\/webhook-subscriptions$/,
			(_, { body }) => {
				if (
					!body?.target_url ||
					!Array.isArray(body.subscribed_events) ||
					body.subscribed_events.length === 0
				) {
					throw invalid('target_url and subscribed_events are required');
				}
				const unknown = body.subscribed_events.filter((event) => !EVENT_TYPES.includes(event));
				if (unknown.length) throw invalid(`Unknown event types: ${unknown.join(', ')}`);
				if ([...state.subscriptions.values()].some((s) => s.target_url === body.target_url)) {
					throw new LinqHttpError(
						409,
						2009,
						'A webhook subscription already exists for this target_url',
					);
				}
				const subscription = {
					id: uuid(),
					target_url: body.target_url,
					subscribed_events: body.subscribed_events,
					phone_numbers: body.phone_numbers ?? null,
					is_active: true,
					created_at: now(),
					updated_at: now(),
					signing_secret: `whsec_${crypto.randomBytes(24).toString('base64')}`,
				};
				state.subscriptions.set(subscription.id, subscription);
				return { status: 201, body: subscription };
			},
		],
		[
			'GET',
			/^\/v3\/webhook-subscriptions$/,
			() => ({
				body: { subscriptions: [...state.subscriptions.values()].map(publicSubscription) },
			}),
		],
		[
			'GET',
			/^\/v3\/webhook-subscriptions\/([^/]+)$/,
			([id]) => ({ body: publicSubscription(subscriptionById(id)) }),
		],
		[
			'PUT',
			/^\/v3\/webhook-subscriptions\/([^/]+)$/,
			([id], { body }) => {
				const subscription = subscriptionById(id);
				for (const key of ['target_url', 'subscribed_events', 'phone_numbers', 'is_active']) {
					if (body?.[key] !== undefined) subscription[key] = body[key];
				}
				subscription.updated_at = now();
				return { body: publicSubscription(subscription) };
			},
		],
		[
			'DELETE',
			/^\/v3\/webhook-subscriptions\/([^/]+)$/,
			([id]) => (subscriptionById(id), state.subscriptions.delete(id), { status: 204 }),
		],
	];

	/** A presigned S3-style PUT: signed by the query string, so an Authorization header is refused. */
	function handleUpload(req, res, id, query, raw) {
		const attachment = state.attachments.get(id);
		if (!attachment || query['X-Amz-Signature'] !== attachment.signature) {
			return sendXml(res, 403, 'SignatureDoesNotMatch');
		}
		if (req.headers.authorization) return sendXml(res, 400, 'InvalidArgument');
		if ((req.headers['content-type'] || '') !== attachment.content_type)
			return sendXml(res, 403, 'SignatureDoesNotMatch');
		if (raw.length !== attachment.size_bytes) return sendXml(res, 400, 'IncompleteBody');
		attachment.bytes = raw;
		attachment.status = 'complete';
		res.writeHead(200, { etag: `"${crypto.createHash('md5').update(raw).digest('hex')}"` });
		res.end();
	}

	function sendXml(res, status, code) {
		res.writeHead(status, { 'content-type': 'application/xml' });
		res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);
	}

	function sendJson(res, status, body, headers = {}) {
		const trace = traceId();
		if (status === 204) {
			res.writeHead(204, { 'x-trace-id': trace, ...headers });
			return res.end();
		}
		const payload = JSON.stringify(body);
		res.writeHead(status, { 'content-type': 'application/json', 'x-trace-id': trace, ...headers });
		res.end(payload);
	}

	function takeFault(method, path) {
		const index = faults.findIndex(
			(fault) =>
				(!fault.method || fault.method === method) &&
				(!fault.path ||
					(fault.path instanceof RegExp ? fault.path.test(path) : fault.path === path)),
		);
		if (index === -1) return undefined;
		const fault = faults[index];
		fault.remaining -= 1;
		if (fault.remaining <= 0) faults.splice(index, 1);
		return fault;
	}

	async function handleControl(req, res, path, raw) {
		const body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
		if (req.method === 'GET' && path === '/__control/requests')
			return sendJson(res, 200, { requests: api.requests.map(serialisable) });
		if (req.method === 'GET' && path === '/__control/subscriptions') {
			return sendJson(res, 200, { subscriptions: [...state.subscriptions.values()] });
		}
		if (req.method === 'POST' && path === '/__control/reset')
			return sendJson(res, 200, (api.reset(body), {}));
		if (req.method === 'POST' && path === '/__control/faults')
			return sendJson(res, 200, (api.fail(body), {}));
		if (req.method === 'POST' && path === '/__control/deliver') {
			const { subscriptionId, event, mode } = body;
			return sendJson(
				res,
				200,
				await api.deliver(subscriptionId, event ?? messageEvent(), { mode }),
			);
		}
		return sendJson(res, 404, {
			code: 2001,
			message: 'Unknown control route',
			trace_id: traceId(),
		});
	}

	async function handle(req, res) {
		const parsed = new URL(req.url, 'http://127.0.0.1');
		const query = Object.fromEntries(parsed.searchParams);
		const raw = await readBody(req);
		const fullPath = parsed.pathname;
		if (fullPath.startsWith('/__control/')) return handleControl(req, res, fullPath, raw);

		const path = fullPath.startsWith(API_PREFIX) ? fullPath.slice(API_PREFIX.length) : fullPath;
		let body;
		const contentType = req.headers['content-type'] || '';
		if (raw.length && contentType.includes('json')) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				body = undefined;
			}
		}
		const record = {
			method: req.method,
			path,
			query,
			headers: req.headers,
			rawBody: raw,
			body,
			at: Date.now(),
		};
		requests.push(record);

		const fault = takeFault(req.method, path) ?? faultPlan?.(record);
		if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
		if (fault?.drop) return req.socket.destroy();
		if (fault?.status) {
			record.fault = fault.status;
			const headers =
				fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
			const code = fault.status === 429 ? 1007 : fault.status >= 500 ? 3001 : 1000;
			const message = fault.status === 429 ? 'Rate limit exceeded' : 'Internal server error';
			return sendJson(res, fault.status, { code, message, trace_id: traceId() }, headers);
		}

		const upload = /^\/uploads\/([^/]+)$/.exec(path);
		if (upload && req.method === 'PUT') return handleUpload(req, res, upload[1], query, raw);
		const file = /^\/files\/([^/]+)(\/.*)?$/.exec(path);
		if (file && req.method === 'GET') {
			const attachment = state.attachments.get(file[1]);
			if (!attachment?.bytes) return sendXml(res, 404, 'NoSuchKey');
			res.writeHead(200, {
				'content-type': attachment.content_type,
				'content-length': attachment.bytes.length,
			});
			return res.end(attachment.bytes);
		}

		if (req.headers.authorization !== `Bearer ${token}`) {
			record.status = 401;
			return sendJson(res, 401, {
				code: 1002,
				message: 'Invalid or missing API token',
				trace_id: traceId(),
			});
		}
		if (raw.length && body === undefined) {
			return sendJson(res, 400, {
				code: 1001,
				message: 'Request body is not valid JSON',
				trace_id: traceId(),
			});
		}
		for (const [method, pattern, handler] of routes) {
			if (method !== req.method) continue;
			const match = pattern.exec(path);
			if (!match) continue;
			const broken = contractIssues(req.method, path, { body, query });
			if (broken.length > 0) {
				record.status = 400;
				record.contractIssues = broken;
				return sendJson(res, 400, {
					code: 1001,
					message: `The request breaks the V3 contract: ${broken.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
					issues: broken,
					trace_id: traceId(),
				});
			}
			try {
				const result = handler(match.slice(1), { body, query, headers: req.headers });
				record.status = result.status ?? 200;
				return sendJson(res, record.status, result.body);
			} catch (error) {
				if (!(error instanceof LinqHttpError)) throw error;
				record.status = error.status;
				return sendJson(
					res,
					error.status,
					{ code: error.code, message: error.message, trace_id: traceId() },
					error.headers,
				);
			}
		}
		record.status = 404;
		return sendJson(res, 404, {
			code: 2000,
			message: `No route for ${req.method} ${path}`,
			trace_id: traceId(),
		});
	}

	const listener = (req, res) => {
		handle(req, res).catch((error) => {
			if (!res.headersSent)
				sendJson(res, 500, { code: 3000, message: String(error), trace_id: traceId() });
			else res.destroy();
		});
	};
	const server = http.createServer(listener);
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${server.address().port}`;
	storageUrl = url;
	let secureServer;
	if (tls) {
		secureServer = https.createServer({ key: tls.key, cert: tls.cert }, listener);
		await new Promise((resolve) => secureServer.listen(0, '127.0.0.1', resolve));
		storageUrl = `https://127.0.0.1:${secureServer.address().port}`;
	}

	function serialisable(record) {
		return { ...record, rawBody: record.rawBody.toString('base64') };
	}

	const api = {
		token,
		get url() {
			return url;
		},
		/** What the credential's Base URL should be. */
		get baseUrl() {
			return `${url}${API_PREFIX}`;
		},
		requests,
		deliveries,
		get state() {
			return state;
		},
		/** Requests to the API (not uploads or control calls), optionally filtered. */
		calls(method, path) {
			return requests.filter(
				(r) =>
					r.path.startsWith('/v3/') &&
					(!method || r.method === method) &&
					(!path || (path instanceof RegExp ? path.test(r.path) : r.path === path)),
			);
		},
		reset({ keepSubscriptions = false } = {}) {
			const subscriptions = state.subscriptions;
			state = createState();
			if (keepSubscriptions) state.subscriptions = subscriptions;
			requests.length = 0;
			deliveries.length = 0;
			faults = [];
			faultPlan = undefined;
		},
		/**
		 * Queues a fault for the next matching request(s): `{method, path, status, retryAfter,
		 * delayMs, drop, times}`; `path` is the API path without the /api/partner prefix.
		 */
		fail({ method, path, status, retryAfter, delayMs, drop = false, times = 1 }) {
			const pattern = typeof path === 'string' && path.startsWith('^') ? new RegExp(path) : path;
			faults.push({ method, path: pattern, status, retryAfter, delayMs, drop, remaining: times });
		},
		/**
		 * `plan(record)` is asked about every request no queued fault matched and returns a fault
		 * (`{status, retryAfter, delayMs, drop}`) or undefined: per-request latency and a steady
		 * share of errors for load runs. `planFaults(undefined)` ends it.
		 */
		planFaults(plan) {
			faultPlan = plan;
		},
		subscriptions() {
			return [...state.subscriptions.values()];
		},
		/** Creates chats directly in the fake's state (for pagination tests), returns their ids. */
		seedChats(count, from = LINES[0]) {
			return Array.from(
				{ length: count },
				(_, index) => newChat(from, [`+1555020${String(index).padStart(4, '0')}`]).id,
			);
		},
		/**
		 * Delivers `event` to the subscription's target_url the way Linq does. `mode`:
		 * 'signed' (default), 'tampered' (body changed after signing), 'stale' (timestamp 10 min
		 * old), 'malformed' (signed, but not JSON), 'unsigned'. Returns the delivery with the
		 * receiver's status; `resend(delivery)` sends the very same bytes and headers again.
		 */
		async deliver(subscriptionOrId, event = messageEvent(), { mode = 'signed', webhookId } = {}) {
			const subscription =
				typeof subscriptionOrId === 'string'
					? subscriptionById(subscriptionOrId)
					: subscriptionOrId;
			let body =
				mode === 'malformed' ? '{"event_type":"message.received","data":' : JSON.stringify(event);
			const timestamp = Math.floor(Date.now() / 1000) - (mode === 'stale' ? 600 : 0);
			let headers = signDelivery({
				secret: subscription.signing_secret,
				body,
				eventType: event.event_type,
				subscriptionId: subscription.id,
				webhookId,
				timestamp,
			});
			if (mode === 'tampered') body = body.replace(/"value":"/, '"value":"tampered ');
			if (mode === 'unsigned') {
				headers = { 'content-type': 'application/json' };
			}
			const delivery = { target: subscription.target_url, headers, body, mode, event };
			const response = await post(delivery.target, headers, body);
			delivery.status = response.status;
			delivery.response = response.body;
			deliveries.push(delivery);
			return delivery;
		},
		async resend(delivery) {
			const response = await post(delivery.target, delivery.headers, delivery.body);
			const again = { ...delivery, status: response.status, response: response.body, resent: true };
			deliveries.push(again);
			return again;
		},
		/** Origin of presigned uploads and file downloads (https when started with `tls`). */
		get storageUrl() {
			return storageUrl;
		},
		async close() {
			for (const each of [server, secureServer].filter(Boolean)) {
				each.closeAllConnections?.();
				await new Promise((resolve) => each.close(() => resolve()));
			}
		},
	};
	return api;
}

module.exports = { startFakeLinq, messageEvent, signDelivery, DEFAULT_TOKEN, LINES, EVENT_TYPES };

if (require.main === module) {
	const port = Number(process.argv[2] || process.env.PORT || 4010);
	startFakeLinq({ port }).then((fake) => {
		console.log(`Fake Linq on ${fake.url}`);
		console.log(`Credential Base URL: ${fake.baseUrl}`);
		console.log(`API token: ${fake.token}`);
		console.log('Control API: GET /__control/requests, GET /__control/subscriptions,');
		console.log('  POST /__control/faults {method,path,status,retryAfter,delayMs,drop,times},');
		console.log('  POST /__control/deliver {subscriptionId,mode,event}, POST /__control/reset');
	});
}
