'use strict';
/**
 * A fake of Linq's legacy V2 Partner API on 127.0.0.1, for unit and end-to-end tests (and by
 * hand: `node test/support/fakeLinqV2.js`). Paths, bodies and answers follow the OpenAPI
 * fragments of the V2 reference (shared seed 004): it checks the X-LINQ-INTEGRATION-TOKEN,
 * refuses what the reference marks as required with V2's two error formats, records every
 * request (multipart bodies parsed into fields and files), pages with page/per_page/meta,
 * keeps the secret each webhook subscription was created with, and delivers events signed as
 * V2 signs them: `X-Webhook-Signature: sha256=<hex HMAC-SHA256>` over the body, or over its
 * canonical form (keys sorted recursively) when asked to.
 */
const crypto = require('node:crypto');
const http = require('node:http');

const DEFAULT_V2_TOKEN = 'linq_v2_e2e_token_9d41c07a';
const PREFIX = '/api/partner/v2';
const V2_LINES = ['+15550200001', '+15550200002'];
const V2_EVENTS = [
	'message.sent',
	'message.received',
	'message.read',
	'call.completed',
	'reaction.sent',
	'reaction.received',
	'typing_indicator.received',
	'typing_indicator.removed',
	'contact.created',
	'contact.updated',
	'contact.deleted',
	'participant.added',
	'participant.removed',
];
const REACTIONS = ['love', 'like', 'dislike', 'laugh', 'emphasize', 'question'];

const now = () => new Date().toISOString();

/** `{errors: [{status, code, title, detail}]}`: chats, messages, phone numbers. */
class RenderError extends Error {
	constructor(status, code, title, detail, headers = {}) {
		super(detail);
		this.status = status;
		this.body = { errors: [{ status, code, title, detail }] };
		this.headers = headers;
	}
}

/** `{status, error_code, message, errors: [...]}`: contacts and webhook subscriptions. */
class StandardError extends Error {
	constructor(status, errorCode, message, errors = []) {
		super(message);
		this.status = status;
		this.body = { status: String(status), error_code: errorCode, message, errors };
		this.headers = {};
	}
}

const notFound = (what) => new RenderError(404, 'not_found', 'Not Found', `${what} not found`);
const badRequest = (detail) => new RenderError(400, 'bad_request', 'Bad Request', detail);

/** Keys sorted recursively, compact: the canonical JSON the V2 docs say the signature covers. */
function canonicalJson(value) {
	const sort = (entry) => {
		if (Array.isArray(entry)) return entry.map(sort);
		if (entry !== null && typeof entry === 'object') {
			return Object.fromEntries(
				Object.keys(entry)
					.sort()
					.map((key) => [key, sort(entry[key])]),
			);
		}
		return entry;
	};
	return JSON.stringify(sort(value));
}

function signV2(secret, text) {
	return `sha256=${crypto.createHmac('sha256', secret).update(text).digest('hex')}`;
}

/** A V2 message event as Linq's reference shows it. */
function v2MessageEvent({
	eventType = 'message.received',
	from = '+15557654321',
	line = V2_LINES[0],
	text = 'Hello from V2',
	chatId = '324324',
	id = String(27000000 + crypto.randomInt(999999)),
	attachments = [],
	extra = {},
} = {}) {
	const fromMe = eventType === 'message.sent';
	return {
		api_version: 'v2',
		created_at: now(),
		data: {
			id,
			chat_id: chatId,
			text,
			sent_at: now(),
			is_read: false,
			from_phone: fromMe ? line : from,
			service: 'iMessage',
			reaction_id: null,
			chat_handles: [
				{ identifier: from, display_name: 'Customer', is_me: false },
				{ identifier: line, display_name: 'Your Linq Number', is_me: true },
			],
			attachments,
			...extra,
		},
		event_id: crypto.randomUUID(),
		event_type: eventType,
	};
}

/** A tiny multipart/form-data reader: fields as strings, files with their bytes. */
function parseMultipart(raw, contentType) {
	const match = /boundary=([^;]+)/.exec(contentType || '');
	if (!match) return undefined;
	const delimiter = Buffer.from(`--${match[1]}`);
	const fields = [];
	let start = raw.indexOf(delimiter);
	while (start !== -1) {
		const next = raw.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const part = raw.subarray(start + delimiter.length + 2, next - 2);
		const split = part.indexOf('\r\n\r\n');
		const head = part.subarray(0, split).toString('utf8');
		const content = part.subarray(split + 4);
		const name = /name="([^"]*)"/.exec(head)?.[1];
		const fileName = /filename="([^"]*)"/.exec(head)?.[1];
		const type = /Content-Type: ([^\r\n]+)/i.exec(head)?.[1];
		fields.push(
			fileName === undefined
				? { name, value: content.toString('utf8') }
				: { name, fileName, contentType: type, bytes: content },
		);
		start = next;
	}
	return fields;
}

/** Multipart fields as nested values, the way Rails reads `a[b][]` names. */
function formValues(fields) {
	const out = {};
	for (const field of fields) {
		const value = field.fileName === undefined ? field.value : field;
		const isList = field.name.endsWith('[]');
		const keys = (isList ? field.name.slice(0, -2) : field.name).replace(/\]/g, '').split('[');
		let target = out;
		for (const key of keys.slice(0, -1)) target = target[key] ??= {};
		const last = keys[keys.length - 1];
		if (isList) (target[last] ??= []).push(value);
		else target[last] = value;
	}
	return out;
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function createState() {
	return {
		nextId: 1000,
		phoneNumbers: V2_LINES.map((number, index) => ({
			id: index + 1,
			phone_number: number,
			forwarding_number: null,
			response_rate: 75,
		})),
		chats: new Map(),
		messages: new Map(),
		reactions: new Map(),
		contacts: new Map(),
		subscriptions: new Map(),
		sentKeys: new Map(),
	};
}

const E164 = /^\+[1-9]\d{7,14}$/;

async function startFakeLinqV2({ token = DEFAULT_V2_TOKEN, port = 0 } = {}) {
	let state = createState();
	const requests = [];
	const deliveries = [];
	let faults = [];
	let url = '';

	const id = () => state.nextId++;

	function page(list, query) {
		const perPage = Math.min(100, Math.max(1, Number(query.per_page) || 25));
		const number = Math.max(1, Number(query.page) || 1);
		const items = list.slice((number - 1) * perPage, number * perPage);
		return {
			items,
			meta: {
				page: number,
				per_page: perPage,
				total_count: list.length,
				total_pages: Math.max(1, Math.ceil(list.length / perPage)),
			},
		};
	}

	function publicChat(chat) {
		const { messageIds, from, ...rest } = chat;
		return { ...rest, message_count: messageIds.length };
	}

	function chatById(chatId) {
		const chat = state.chats.get(Number(chatId));
		if (!chat) throw notFound('Chat');
		return chat;
	}

	function messageIn(chat, messageId) {
		const message = state.messages.get(Number(messageId));
		if (!message || message.chat_id !== chat.id) throw notFound('Message');
		return message;
	}

	function contactById(contactId) {
		const contact = state.contacts.get(Number(contactId));
		if (!contact) throw new StandardError(404, 'not_found', 'Contact not found');
		return contact;
	}

	function subscriptionById(subscriptionId) {
		const subscription = state.subscriptions.get(Number(subscriptionId));
		if (!subscription) throw new StandardError(404, 'not_found', 'Webhook subscription not found');
		return subscription;
	}

	function publicSubscription(subscription) {
		const { secret, ...rest } = subscription;
		return { ...rest, secret_configured: Boolean(secret) };
	}

	/** Sends `message` (text, idempotency_key, attachment_urls, attachments) into `chat`. */
	function send(chat, message) {
		if (typeof message?.text !== 'string' || message.text === '') {
			throw badRequest('message text is required');
		}
		const key = message.idempotency_key;
		if (key !== undefined && !/^[a-zA-Z0-9_-]+$/.test(key)) {
			throw new RenderError(422, 'invalid', 'Unprocessable Entity', 'idempotency_key is invalid');
		}
		if (key && state.sentKeys.has(key)) return { message: state.sentKeys.get(key), repeated: true };
		const attachments = [
			...(message.attachment_urls ?? []).map((link) => ({
				id: crypto.randomUUID(),
				url: link,
				filename: link.split('/').pop(),
				mime_type: 'application/octet-stream',
				file_size: 0,
			})),
			...(message.attachments ?? []).map((file) => ({
				id: crypto.randomUUID(),
				url: `https://files.linq.test/${file.fileName}`,
				filename: file.fileName,
				mime_type: file.contentType,
				file_size: file.bytes.length,
			})),
		];
		const sent = {
			id: id(),
			chat_id: chat.id,
			text: message.text,
			sent_at: now(),
			delivered_at: null,
			delivery_status: 'pending',
			edited_at: null,
			is_read: false,
			sent_from: chat.from,
			chat_handle_id: chat.chat_handles[0].id,
			attachments,
			reactions: [],
		};
		state.messages.set(sent.id, sent);
		chat.messageIds.push(sent.id);
		if (key) state.sentKeys.set(key, sent);
		return { message: sent, repeated: false };
	}

	function contactInput(body, { create }) {
		const contact = body?.contact;
		if (!contact || typeof contact !== 'object') {
			throw new StandardError(422, 'validation_error', 'Validation failed', [
				'contact is required',
			]);
		}
		const identifying = ['first_name', 'last_name', 'email', 'phone_number'];
		if (!identifying.some((key) => contact[key])) {
			throw new StandardError(422, 'validation_error', 'Validation failed', [
				'At least one of first_name, last_name, email or phone_number is required',
			]);
		}
		if (create === false) return contact;
		return contact;
	}

	function storeContact(existing, contact, userEmail) {
		const merged = { ...existing, ...contact };
		merged.full_name = [merged.first_name, merged.last_name].filter(Boolean).join(' ');
		merged.updated_at = now();
		if (userEmail) merged.contact_owner = { id: 1, email: userEmail, name: userEmail };
		state.contacts.set(merged.id, merged);
		return merged;
	}

	function subscriptionInput(body) {
		const input = body?.webhook_subscription;
		const problems = [];
		if (!input || typeof input !== 'object') problems.push('webhook_subscription is required');
		else {
			if (typeof input.webhook_url !== 'string' || input.webhook_url === '')
				problems.push('webhook_url is required');
			if (input.version !== 2) problems.push('version must be 2');
			if (!Array.isArray(input.events) || input.events.length === 0)
				problems.push('events is required');
			else if (input.events.some((event) => !V2_EVENTS.includes(event)))
				problems.push('events contains an unknown event');
		}
		if (problems.length > 0)
			throw new StandardError(422, 'validation_error', 'Validation failed', problems);
		return input;
	}

	/** [method, pattern, handler(match, ctx) -> {status, body}] */
	const routes = [
		['GET', /^\/phone_numbers$/, () => ({ body: { phone_numbers: state.phoneNumbers } })],
		[
			'PUT',
			/^\/phone_numbers\/(\d+)$/,
			([phoneId], { body }) => {
				const line = state.phoneNumbers.find((entry) => entry.id === Number(phoneId));
				if (!line)
					throw new RenderError(
						403,
						'forbidden',
						'Forbidden',
						'Phone number does not belong to your organization',
					);
				const forwarding = body?.forwarding_number;
				if (forwarding !== '' && forwarding !== null && !E164.test(String(forwarding)))
					throw new RenderError(
						422,
						'invalid',
						'Unprocessable Entity',
						'Invalid forwarding number',
					);
				line.forwarding_number = forwarding === '' ? null : forwarding;
				return { body: line };
			},
		],
		[
			'GET',
			/^\/chats$/,
			(_, { query }) => {
				if (!query.phone_number) throw badRequest('phone_number is required');
				const list = [...state.chats.values()]
					.filter((chat) => chat.from === query.phone_number)
					.map(publicChat);
				const { items, meta } = page(list, query);
				return { body: { data: items, meta } };
			},
		],
		[
			'POST',
			/^\/chats$/,
			(_, { body }) => {
				const sendFrom = body?.send_from;
				const numbers = body?.chat?.phone_numbers;
				if (!state.phoneNumbers.some((line) => line.phone_number === sendFrom))
					throw badRequest('send_from must be one of your Linq phone numbers');
				if (!Array.isArray(numbers) || numbers.length === 0)
					throw badRequest('chat.phone_numbers needs at least one phone number');
				const wanted = [...numbers].sort().join(',');
				let chat = [...state.chats.values()].find(
					(entry) =>
						entry.from === sendFrom &&
						entry.chat_handles
							.slice(1)
							.map((handle) => handle.phone_number)
							.sort()
							.join(',') === wanted,
				);
				if (!chat) {
					chat = {
						id: id(),
						from: sendFrom,
						display_name: body.chat.display_name ?? numbers.join(', '),
						service: 'iMessage',
						group: numbers.length > 1,
						chat_handles: [sendFrom, ...numbers].map((number) => ({
							id: id(),
							phone_number: number,
							service: 'iMessage',
							joined_at: now(),
						})),
						messageIds: [],
					};
					state.chats.set(chat.id, chat);
				}
				const { message } = send(chat, body.message);
				const { message_count, ...shown } = publicChat(chat);
				return { body: { data: { ...shown, chat_messages: message } } };
			},
		],
		[
			'GET',
			/^\/chats\/find$/,
			(_, { query, searchParams }) => {
				const participants = searchParams.getAll('phone_numbers[]');
				if (!query.phone_number || participants.length === 0)
					throw badRequest('phone_number and phone_numbers[] are required');
				const wanted = [...participants].sort().join(',');
				const chat = [...state.chats.values()].find(
					(entry) =>
						entry.from === query.phone_number &&
						entry.chat_handles
							.slice(1)
							.map((handle) => handle.phone_number)
							.sort()
							.join(',') === wanted,
				);
				return { body: { data: chat ? { chat: publicChat(chat) } : { chat: null, messages: [] } } };
			},
		],
		['GET', /^\/chats\/(\d+)$/, ([chatId]) => ({ body: { data: publicChat(chatById(chatId)) } })],
		[
			'PUT',
			/^\/chats\/(\d+)\/mark_as_read$/,
			([chatId]) => {
				const chat = chatById(chatId);
				for (const messageId of chat.messageIds) state.messages.get(messageId).is_read = true;
				return { status: 204 };
			},
		],
		['POST', /^\/chats\/(\d+)\/start_typing$/, ([chatId]) => (chatById(chatId), { status: 201 })],
		['DELETE', /^\/chats\/(\d+)\/stop_typing$/, ([chatId]) => (chatById(chatId), { status: 204 })],
		['POST', /^\/chats\/(\d+)\/share_contact$/, ([chatId]) => (chatById(chatId), { status: 201 })],
		[
			'GET',
			/^\/chats\/(\d+)\/chat_messages$/,
			([chatId], { query }) => {
				const chat = chatById(chatId);
				let list = chat.messageIds.map((messageId) => state.messages.get(messageId));
				if (query.before) list = list.filter((message) => message.sent_at < query.before);
				if (query.after) list = list.filter((message) => message.sent_at > query.after);
				if (query.sort === 'desc') list = [...list].reverse();
				const { items, meta } = page(list, query);
				return { body: { data: items, meta } };
			},
		],
		[
			'POST',
			/^\/chats\/(\d+)\/chat_messages$/,
			([chatId], { body, multipart }) => {
				const chat = chatById(chatId);
				if (!multipart) throw badRequest('Send Message takes multipart/form-data');
				const { message, repeated } = send(chat, body.message);
				return { status: repeated ? 200 : 201, body: { data: message } };
			},
		],
		[
			'GET',
			/^\/chats\/(\d+)\/chat_messages\/(\d+)$/,
			([chatId, messageId]) => ({ body: { data: messageIn(chatById(chatId), messageId) } }),
		],
		[
			'DELETE',
			/^\/chats\/(\d+)\/chat_messages\/(\d+)$/,
			([chatId, messageId]) => {
				const chat = chatById(chatId);
				const message = messageIn(chat, messageId);
				state.messages.delete(message.id);
				chat.messageIds = chat.messageIds.filter((entry) => entry !== message.id);
				return { body: { message: 'Message deleted successfully' } };
			},
		],
		[
			'POST',
			/^\/chats\/(\d+)\/chat_messages\/(\d+)\/edit$/,
			([chatId, messageId], { body }) => {
				const message = messageIn(chatById(chatId), messageId);
				if (typeof body?.text !== 'string' || body.text === '')
					throw badRequest('text is required');
				message.text = body.text;
				message.edited_at = now();
				return {
					body: {
						message: 'Message edited successfully',
						data: { id: message.id, text: message.text },
					},
				};
			},
		],
		[
			'POST',
			/^\/chat_messages\/(\d+)\/reactions$/,
			([messageId], { body }) => {
				const message = state.messages.get(Number(messageId));
				if (!message) throw notFound('Message');
				if (!REACTIONS.includes(body?.type) || !['add', 'remove'].includes(body?.operation))
					throw new RenderError(
						422,
						'invalid',
						'Unprocessable Entity',
						'type and operation are required',
					);
				const reaction = {
					id: id(),
					chat_message_id: message.id,
					reaction: body.type,
					is_from_me: true,
					from_phone: message.sent_from,
					sent_at: now(),
					created_at: now(),
					updated_at: now(),
				};
				if (body.operation === 'add') {
					state.reactions.set(reaction.id, reaction);
					message.reactions.push(reaction);
				} else {
					message.reactions = message.reactions.filter((entry) => entry.reaction !== body.type);
				}
				return { status: 201, body: { data: reaction } };
			},
		],
		[
			'GET',
			/^\/chat_message_reactions\/(\d+)$/,
			([reactionId]) => {
				const reaction = state.reactions.get(Number(reactionId));
				if (!reaction) throw notFound('Reaction');
				return { body: { data: reaction } };
			},
		],
		[
			'GET',
			/^\/contacts$/,
			(_, { query }) => {
				const { items, meta } = page([...state.contacts.values()], query);
				return {
					body: {
						contacts: items,
						pagination: {
							current_page: meta.page,
							per_page: meta.per_page,
							total_pages: meta.total_pages,
							total_count: meta.total_count,
						},
					},
				};
			},
		],
		[
			'POST',
			/^\/contacts$/,
			(_, { body }) => {
				const contact = contactInput(body, { create: true });
				const stored = storeContact(
					{ id: id(), image_url: null, created_at: now(), contact_owner: null },
					contact,
					body.user_email,
				);
				return { status: 201, body: { data: stored } };
			},
		],
		[
			'GET',
			/^\/contacts\/find$/,
			(_, { query }) => {
				if (!query.email && !query.phone_number)
					throw new StandardError(400, 'bad_request', 'email or phone_number is required');
				const found = [...state.contacts.values()].find(
					(contact) =>
						(query.email && contact.email === query.email) ||
						(query.phone_number && contact.phone_number === query.phone_number),
				);
				return { body: found ?? { contact: null } };
			},
		],
		['GET', /^\/contacts\/(\d+)$/, ([contactId]) => ({ body: { data: contactById(contactId) } })],
		...['PUT', 'PATCH'].map((method) => [
			method,
			/^\/contacts\/(\d+)$/,
			([contactId], { body }) => {
				const existing = contactById(contactId);
				const contact = contactInput(body, { create: false });
				return { body: { data: storeContact(existing, contact, body.user_email) } };
			},
		]),
		[
			'DELETE',
			/^\/contacts\/(\d+)$/,
			([contactId]) => {
				state.contacts.delete(contactById(contactId).id);
				return { status: 204 };
			},
		],
		[
			'GET',
			/^\/webhook_subscriptions$/,
			() => ({
				body: { webhook_subscriptions: [...state.subscriptions.values()].map(publicSubscription) },
			}),
		],
		[
			'POST',
			/^\/webhook_subscriptions$/,
			(_, { body }) => {
				const input = subscriptionInput(body);
				const subscription = {
					id: id(),
					webhook_url: input.webhook_url,
					version: 2,
					events: input.events,
					active: input.active ?? true,
					secret: input.secret,
					last_delivered_at: null,
					delivery_attempts: 0,
					created_at: now(),
					updated_at: now(),
				};
				state.subscriptions.set(subscription.id, subscription);
				return { status: 201, body: { webhook_subscription: publicSubscription(subscription) } };
			},
		],
		[
			'PUT',
			/^\/webhook_subscriptions\/(\d+)$/,
			([subscriptionId], { body }) => {
				const subscription = subscriptionById(subscriptionId);
				const input = subscriptionInput(body);
				Object.assign(subscription, {
					webhook_url: input.webhook_url,
					events: input.events,
					active: input.active ?? subscription.active,
					secret: input.secret ?? subscription.secret,
					updated_at: now(),
				});
				return { body: { webhook_subscription: publicSubscription(subscription) } };
			},
		],
		[
			'DELETE',
			/^\/webhook_subscriptions\/(\d+)$/,
			([subscriptionId]) => {
				state.subscriptions.delete(subscriptionById(subscriptionId).id);
				return { status: 204 };
			},
		],
		[
			'POST',
			/^\/i_message_availability\/check$/,
			(_, { body }) => {
				if (typeof body?.phone_number !== 'string') throw badRequest('phone_number is required');
				return {
					body: { available: !body.phone_number.endsWith('0'), phone_number: body.phone_number },
				};
			},
		],
	];

	function sendJson(res, status, body, headers = {}) {
		if (status === 204 || body === undefined) {
			res.writeHead(status, headers);
			return res.end();
		}
		res.writeHead(status, { 'content-type': 'application/json', ...headers });
		res.end(JSON.stringify(body));
	}

	async function handle(req, res) {
		const parsed = new URL(req.url, 'http://x');
		const raw = await readBody(req);
		const contentType = req.headers['content-type'] || '';
		const multipart = contentType.startsWith('multipart/form-data');
		let body;
		let files = [];
		if (multipart) {
			const fields = parseMultipart(raw, contentType) ?? [];
			files = fields.filter((field) => field.fileName !== undefined);
			body = formValues(fields);
		} else if (raw.length > 0) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				body = undefined;
			}
		}
		const path = parsed.pathname.startsWith(PREFIX)
			? parsed.pathname.slice(PREFIX.length)
			: undefined;
		const record = {
			method: req.method,
			path: parsed.pathname,
			query: Object.fromEntries(parsed.searchParams.entries()),
			searchParams: [...parsed.searchParams.entries()],
			headers: req.headers,
			contentType,
			body,
			files,
			rawBody: raw,
		};
		requests.push(record);
		if (path === undefined)
			return sendJson(res, 404, {
				errors: [{ status: 404, code: 'not_found', title: 'Not Found', detail: 'No route' }],
			});

		const faultIndex = faults.findIndex(
			(fault) =>
				(!fault.method || fault.method === req.method) && (!fault.path || fault.path === path),
		);
		if (faultIndex !== -1) {
			const fault = faults[faultIndex];
			if (--fault.remaining <= 0) faults.splice(faultIndex, 1);
			record.status = fault.status;
			const headers =
				fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
			return sendJson(
				res,
				fault.status,
				{
					errors: [
						{
							status: fault.status,
							code: fault.code ?? 'fault',
							title: 'Injected',
							detail: fault.detail ?? 'Injected fault',
						},
					],
				},
				{ 'x-request-id': 'req-fault-1', ...headers },
			);
		}
		if (req.headers['x-linq-integration-token'] !== token) {
			record.status = 401;
			return sendJson(res, 401, {
				errors: [
					{
						status: 401,
						code: 'unauthorized',
						title: 'Unauthorized',
						detail: 'Invalid integration token',
					},
				],
			});
		}
		for (const [method, pattern, handler] of routes) {
			if (method !== req.method) continue;
			const match = pattern.exec(path);
			if (!match) continue;
			try {
				const result = handler(match.slice(1), {
					body,
					query: record.query,
					searchParams: parsed.searchParams,
					multipart,
				});
				record.status = result.status ?? 200;
				return sendJson(res, record.status, result.body);
			} catch (error) {
				if (!(error instanceof RenderError || error instanceof StandardError)) throw error;
				record.status = error.status;
				return sendJson(res, error.status, error.body, error.headers);
			}
		}
		record.status = 404;
		return sendJson(res, 404, {
			errors: [
				{
					status: 404,
					code: 'not_found',
					title: 'Not Found',
					detail: `No route for ${req.method} ${path}`,
				},
			],
		});
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => {
			if (!res.headersSent)
				sendJson(res, 500, {
					errors: [{ status: 500, code: 'internal', title: 'Error', detail: String(error) }],
				});
			else res.destroy();
		});
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${server.address().port}`;

	return {
		token,
		/** What the credential's Base URL should be (V2 paths start with /api/partner/v2). */
		get baseUrl() {
			return url;
		},
		requests,
		deliveries,
		get state() {
			return state;
		},
		/** API requests, optionally by method and path below /api/partner/v2. */
		calls(method, path) {
			return requests.filter(
				(r) =>
					(!method || r.method === method) &&
					(!path ||
						(path instanceof RegExp
							? path.test(r.path.slice(PREFIX.length))
							: r.path === `${PREFIX}${path}`)),
			);
		},
		reset() {
			state = createState();
			requests.length = 0;
			deliveries.length = 0;
			faults = [];
		},
		/** Queues a fault: `{method, path, status, retryAfter, code, detail, times}`, path below /api/partner/v2. */
		fail({ method, path, status, retryAfter, code, detail, times = 1 }) {
			faults.push({ method, path, status, retryAfter, code, detail, remaining: times });
		},
		subscriptions() {
			return [...state.subscriptions.values()];
		},
		/**
		 * Posts `event` to the subscription's webhook_url. `mode`: 'raw' (signature over the
		 * body as sent, the default), 'canonical' (the body is sent with its keys unsorted and
		 * spaced, the signature covers the canonical form), 'tampered' (body changed after
		 * signing), 'wrongSecret', 'unsigned'.
		 */
		async deliver(subscriptionOrId, event = v2MessageEvent(), { mode = 'raw' } = {}) {
			const subscription =
				typeof subscriptionOrId === 'object'
					? subscriptionOrId
					: subscriptionById(subscriptionOrId);
			let body = mode === 'canonical' ? JSON.stringify(event, null, 1) : JSON.stringify(event);
			const signed = mode === 'canonical' ? canonicalJson(event) : body;
			const secret = mode === 'wrongSecret' ? 'not-the-subscription-secret' : subscription.secret;
			const headers = { 'content-type': 'application/json' };
			if (mode !== 'unsigned') headers['x-webhook-signature'] = signV2(secret, signed);
			if (mode === 'tampered') body = body.replace(/"text":"/, '"text":"tampered ');
			const response = await fetch(subscription.webhook_url, {
				method: 'POST',
				headers,
				body,
				signal: AbortSignal.timeout(60_000),
			});
			const delivery = {
				target: subscription.webhook_url,
				headers,
				body,
				mode,
				event,
				status: response.status,
				response: await response.text(),
			};
			deliveries.push(delivery);
			return delivery;
		},
		async resend(delivery) {
			const response = await fetch(delivery.target, {
				method: 'POST',
				headers: delivery.headers,
				body: delivery.body,
			});
			const again = {
				...delivery,
				status: response.status,
				response: await response.text(),
				resent: true,
			};
			deliveries.push(again);
			return again;
		},
		async close() {
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

module.exports = {
	startFakeLinqV2,
	v2MessageEvent,
	canonicalJson,
	signV2,
	parseMultipart,
	DEFAULT_V2_TOKEN,
	V2_LINES,
	V2_EVENTS,
};

if (require.main === module) {
	const port = Number(process.argv[2] || process.env.PORT || 4020);
	startFakeLinqV2({ port }).then((fake) => {
		console.log(`Fake Linq V2 on ${fake.baseUrl}`);
		console.log(`Integration token: ${fake.token}`);
	});
}
