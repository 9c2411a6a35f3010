'use strict';
jest.mock('n8n-workflow', () => require('../support/sleep').mockWorkflow());

/**
 * Every operation of the Linq V2 (Legacy) node: the request it sends (method, path, query and
 * body, checked with nock) must be the one Linq's V2 reference documents for that endpoint
 * (test/support/v2Spec.js), and what it outputs is the answer's payload.
 */
const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const { sleeps } = require('../support/sleep');
const { binaryProperty } = require('../support/harness');
const { parseMultipart } = require('../support/multipart');
const { specProblems, spec } = require('../support/v2Spec');
const { V2_TOKEN, captureV2, runV2Node } = require('../support/v2Harness');
const { LinqV2Legacy } = require('../../nodes/LinqV2Legacy/LinqV2Legacy.node');

afterEach(() => {
	sleeps.length = 0;
});

const covered = new Set();

/** Runs the node once, expects exactly one documented request, and returns it with the output. */
async function one(params, reply = { status: 200, body: {} }, options = {}) {
	let out;
	const { requests, error } = await captureV2(
		async () => {
			out = await runV2Node(params, options);
		},
		{ reply },
	);
	if (error) throw error;
	expect(requests).toHaveLength(1);
	const [request] = requests;
	expect(specProblems(request)).toEqual([]);
	expect(request.headers['x-linq-integration-token']).toBe(V2_TOKEN);
	covered.add(`${request.method} ${request.path.replace(/\/\d+/g, '/{id}')}`);
	return { request, out };
}

function fields(request) {
	return parseMultipart(request.rawBody, request.contentType).map((field) =>
		field.fileName === undefined
			? [field.name, field.value]
			: [
					field.name,
					{ fileName: field.fileName, type: field.contentType, text: field.bytes.toString() },
				],
	);
}

const SEND_FROM = '+15550200001';

describe('Chat', () => {
	test('Create sends find-or-create JSON with send_from, chat.phone_numbers and the first message', async () => {
		const { request, out } = await one(
			{
				resource: 'chat',
				operation: 'create',
				sendFrom: SEND_FROM,
				to: '(555) 123-4567, +44 7700 900123',
				text: 'Hello',
				options: { displayName: 'Team', attachmentUrls: 'https://cdn.example.com/a.jpg' },
			},
			{ body: { data: { id: 12345, group: true } } },
		);
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/partner/v2/chats');
		expect(request.json).toEqual({
			send_from: SEND_FROM,
			chat: { phone_numbers: ['+15551234567', '+447700900123'], display_name: 'Team' },
			message: {
				text: 'Hello',
				idempotency_key: expect.stringMatching(/^n8n-[0-9a-f]{40}$/),
				attachment_urls: ['https://cdn.example.com/a.jpg'],
			},
		});
		expect(out).toEqual([{ json: { id: 12345, group: true }, pairedItem: { item: 0 } }]);
	});

	test('Create with binary files sends multipart, one message[attachments][] part per file', async () => {
		const { request } = await one(
			{
				resource: 'chat',
				operation: 'create',
				sendFrom: SEND_FROM,
				to: '+15551234567',
				text: 'Your invoice',
				options: { binaryProperties: 'data, extra', idempotencyKey: 'order-42' },
			},
			{ body: { data: { id: 1 } } },
			{
				items: [
					{
						json: {},
						binary: {
							data: binaryProperty(Buffer.from('%PDF-1'), 'invoice "1".pdf', 'application/pdf'),
							extra: binaryProperty(Buffer.from([0xff, 0xd8, 0xff]), 'photo.jpg', 'image/jpeg'),
						},
					},
				],
			},
		);
		expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
		expect(fields(request)).toEqual([
			['send_from', SEND_FROM],
			['chat[phone_numbers][]', '+15551234567'],
			['message[text]', 'Your invoice'],
			['message[idempotency_key]', 'order-42'],
			[
				'message[attachments][]',
				{ fileName: 'invoice _1_.pdf', type: 'application/pdf', text: '%PDF-1' },
			],
			[
				'message[attachments][]',
				{ fileName: 'photo.jpg', type: 'image/jpeg', text: '\ufffd\ufffd\ufffd' },
			],
		]);
		const photo = parseMultipart(request.rawBody, request.contentType)[5];
		expect([...photo.bytes]).toEqual([0xff, 0xd8, 0xff]);
	});

	test('Get, Mark as Read, Share Contact, Start and Stop Typing address the chat by its integer ID', async () => {
		const cases = [
			['get', 'GET', '/api/partner/v2/chats/77', { data: { id: 77 } }, { id: 77 }],
			[
				'markAsRead',
				'PUT',
				'/api/partner/v2/chats/77/mark_as_read',
				'',
				{ success: true, chat_id: 77 },
			],
			[
				'shareContact',
				'POST',
				'/api/partner/v2/chats/77/share_contact',
				'',
				{ success: true, chat_id: 77 },
			],
			[
				'startTyping',
				'POST',
				'/api/partner/v2/chats/77/start_typing',
				'',
				{ success: true, chat_id: 77 },
			],
			[
				'stopTyping',
				'DELETE',
				'/api/partner/v2/chats/77/stop_typing',
				'',
				{ success: true, chat_id: 77 },
			],
		];
		for (const [operation, method, path, body, output] of cases) {
			const { request, out } = await one(
				{ resource: 'chat', operation, chatId: '77' },
				{ status: body === '' ? (method === 'POST' ? 201 : 204) : 200, body },
			);
			expect([request.method, request.path, request.rawBody.length]).toEqual([method, path, 0]);
			expect(out[0].json).toEqual(output);
		}
	});

	test('Get Many pages with page and per_page until the last page', async () => {
		let requests;
		let out;
		({ requests } = await captureV2(
			async () => {
				out = await runV2Node({
					resource: 'chat',
					operation: 'getMany',
					phoneNumber: SEND_FROM,
					returnAll: true,
				});
			},
			{
				reply: (request) => {
					const pageNumber = Number(request.query.page);
					return {
						body: {
							data:
								pageNumber === 1
									? Array.from({ length: 100 }, (_, i) => ({ id: i + 1 }))
									: [{ id: 101 }],
							meta: { page: pageNumber, per_page: 100, total_pages: 2, total_count: 101 },
						},
					};
				},
			},
		));
		expect(requests.map((request) => request.searchParams)).toEqual([
			[
				['phone_number', SEND_FROM],
				['page', '1'],
				['per_page', '100'],
			],
			[
				['phone_number', SEND_FROM],
				['page', '2'],
				['per_page', '100'],
			],
		]);
		for (const request of requests) expect(specProblems(request)).toEqual([]);
		expect(out).toHaveLength(101);
		covered.add('GET /api/partner/v2/chats');
	});

	test('Get Many with a Limit asks for that many and stops', async () => {
		const { request, out } = await one(
			{
				resource: 'chat',
				operation: 'getMany',
				phoneNumber: SEND_FROM,
				returnAll: false,
				limit: 3,
			},
			{ body: { data: [{ id: 1 }, { id: 2 }, { id: 3 }], meta: { page: 1, total_pages: 9 } } },
		);
		expect(request.query).toEqual({ phone_number: SEND_FROM, page: '1', per_page: '3' });
		expect(out).toHaveLength(3);
	});

	test('Find sends phone_number and one phone_numbers[] per participant', async () => {
		const { request, out } = await one(
			{
				resource: 'chat',
				operation: 'find',
				phoneNumber: SEND_FROM,
				participants: '5551234567, +15557654321',
			},
			{ body: { data: { chat: null, messages: [] } } },
		);
		expect(request.path).toBe('/api/partner/v2/chats/find');
		expect(request.searchParams).toEqual([
			['phone_number', SEND_FROM],
			['phone_numbers[]', '+15551234567'],
			['phone_numbers[]', '+15557654321'],
		]);
		expect(out[0].json).toEqual({ chat: null, messages: [] });
	});
});

describe('Chat Message', () => {
	test('Send is multipart: message[text], message[idempotency_key], message[attachment_urls][]', async () => {
		const { request, out } = await one(
			{
				resource: 'chatMessage',
				operation: 'send',
				chatId: '12345',
				text: 'Check this',
				options: {
					attachmentUrls: 'https://cdn.example.com/a.pdf,\nhttps://cdn.example.com/b.jpg',
				},
			},
			{ status: 201, body: { data: { id: 67890, text: 'Check this' } } },
		);
		expect([request.method, request.path]).toEqual([
			'POST',
			'/api/partner/v2/chats/12345/chat_messages',
		]);
		expect(fields(request)).toEqual([
			['message[text]', 'Check this'],
			['message[idempotency_key]', expect.stringMatching(/^n8n-[0-9a-f]{40}$/)],
			['message[attachment_urls][]', 'https://cdn.example.com/a.pdf'],
			['message[attachment_urls][]', 'https://cdn.example.com/b.jpg'],
		]);
		expect(out[0].json).toEqual({ id: 67890, text: 'Check this' });
	});

	test('Send repeats a failed send with the same idempotency key, so it is sent once', async () => {
		let calls = 0;
		const { requests, error } = await captureV2(
			() =>
				runV2Node({
					resource: 'chatMessage',
					operation: 'send',
					chatId: '5',
					text: 'Hi',
					options: {},
				}),
			{
				reply: () =>
					++calls === 1 ? { status: 503, body: '' } : { status: 201, body: { data: { id: 9 } } },
			},
		);
		expect(error).toBeUndefined();
		const keys = requests.map(
			(request) => Object.fromEntries(fields(request))['message[idempotency_key]'],
		);
		expect(keys).toHaveLength(2);
		expect(keys[0]).toBe(keys[1]);
	});

	test('Get, Edit and Delete address /chats/{chat_id}/chat_messages/{id}', async () => {
		const get = await one(
			{ resource: 'chatMessage', operation: 'get', chatId: '5', messageId: '9' },
			{ body: { data: { id: 9 } } },
		);
		expect([get.request.method, get.request.path]).toEqual([
			'GET',
			'/api/partner/v2/chats/5/chat_messages/9',
		]);
		expect(get.out[0].json).toEqual({ id: 9 });

		const edit = await one(
			{ resource: 'chatMessage', operation: 'edit', chatId: '5', messageId: '9', text: 'Fixed' },
			{ body: { message: 'Message edited successfully', data: { id: 9, text: 'Fixed' } } },
		);
		expect([edit.request.method, edit.request.path]).toEqual([
			'POST',
			'/api/partner/v2/chats/5/chat_messages/9/edit',
		]);
		expect(edit.request.json).toEqual({ text: 'Fixed' });
		expect(edit.out[0].json).toEqual({ id: 9, text: 'Fixed' });

		const removed = await one(
			{ resource: 'chatMessage', operation: 'delete', chatId: '5', messageId: '9' },
			{ body: { message: 'Message deleted successfully' } },
		);
		expect([removed.request.method, removed.request.path]).toEqual([
			'DELETE',
			'/api/partner/v2/chats/5/chat_messages/9',
		]);
		expect(removed.out[0].json).toEqual({ message: 'Message deleted successfully' });
	});

	test('Get Many sends before, after (ISO 8601) and sort with the page', async () => {
		const { request } = await one(
			{
				resource: 'chatMessage',
				operation: 'getMany',
				chatId: '5',
				returnAll: false,
				limit: 10,
				filters: {
					after: '2025-05-21T10:00:00Z',
					before: '2025-05-22T10:00:00.000Z',
					sort: 'desc',
				},
			},
			{ body: { data: [], meta: { page: 1, total_pages: 1 } } },
		);
		expect(request.path).toBe('/api/partner/v2/chats/5/chat_messages');
		expect(request.query).toEqual({
			after: '2025-05-21T10:00:00.000Z',
			before: '2025-05-22T10:00:00.000Z',
			sort: 'desc',
			page: '1',
			per_page: '10',
		});
	});
});

describe('Reaction', () => {
	test('Add and Remove post {type, operation} to /chat_messages/{id}/reactions', async () => {
		for (const operation of ['add', 'remove']) {
			const { request } = await one(
				{ resource: 'reaction', operation, messageId: '67891', reaction: 'laugh' },
				{ status: 201, body: { data: { id: 1, reaction: 'laugh' } } },
			);
			expect([request.method, request.path]).toEqual([
				'POST',
				'/api/partner/v2/chat_messages/67891/reactions',
			]);
			expect(request.json).toEqual({ type: 'laugh', operation });
		}
	});

	test('Get reads /chat_message_reactions/{reaction_id}', async () => {
		const { request, out } = await one(
			{ resource: 'reaction', operation: 'get', reactionId: '12346' },
			{ body: { data: { id: 12346, reaction: 'like' } } },
		);
		expect([request.method, request.path]).toEqual([
			'GET',
			'/api/partner/v2/chat_message_reactions/12346',
		]);
		expect(out[0].json).toEqual({ id: 12346, reaction: 'like' });
	});
});

describe('Contact', () => {
	const contactData = { id: 123, first_name: 'John', email: 'john@example.com' };

	test('Create sends {contact, user_email} with checked email and E.164 phone', async () => {
		const { request, out } = await one(
			{
				resource: 'contact',
				operation: 'create',
				fields: {
					first_name: ' John ',
					last_name: 'Doe',
					email: 'John@Example.com',
					phone_number: '555-123-4567',
					company: 'Acme',
					title: 'CEO',
					location: 'SF',
					user_email: 'owner@company.com',
				},
			},
			{ status: 201, body: { data: contactData } },
		);
		expect([request.method, request.path]).toEqual(['POST', '/api/partner/v2/contacts']);
		expect(request.json).toEqual({
			contact: {
				first_name: 'John',
				last_name: 'Doe',
				email: 'john@example.com',
				phone_number: '+15551234567',
				company: 'Acme',
				title: 'CEO',
				location: 'SF',
			},
			user_email: 'owner@company.com',
		});
		expect(out[0].json).toEqual(contactData);
	});

	test('Update is PATCH and Replace is PUT of /contacts/{id}, with only the fields given', async () => {
		for (const [operation, method] of [
			['update', 'PATCH'],
			['replace', 'PUT'],
		]) {
			const { request } = await one(
				{
					resource: 'contact',
					operation,
					contactId: '123',
					fields: { title: 'CTO', email: 'j@x.io' },
				},
				{ body: { data: contactData } },
			);
			expect([request.method, request.path]).toEqual([method, '/api/partner/v2/contacts/123']);
			expect(request.json).toEqual({ contact: { title: 'CTO', email: 'j@x.io' } });
		}
	});

	test('Get and Delete address /contacts/{id}; Delete outputs a confirmation for the 204', async () => {
		const get = await one(
			{ resource: 'contact', operation: 'get', contactId: '123' },
			{ body: { data: contactData } },
		);
		expect([get.request.method, get.request.path]).toEqual(['GET', '/api/partner/v2/contacts/123']);
		const removed = await one(
			{ resource: 'contact', operation: 'delete', contactId: '123' },
			{ status: 204, body: '' },
		);
		expect([removed.request.method, removed.request.path]).toEqual([
			'DELETE',
			'/api/partner/v2/contacts/123',
		]);
		expect(removed.out[0].json).toEqual({ success: true, deleted: true, contact_id: 123 });
	});

	test('Get Many reads the contacts list and its pagination block', async () => {
		const { request, out } = await one(
			{ resource: 'contact', operation: 'getMany', returnAll: true },
			{ body: { contacts: [contactData], pagination: { current_page: 1, total_pages: 1 } } },
		);
		expect(request.query).toEqual({ page: '1', per_page: '100' });
		expect(out.map((item) => item.json)).toEqual([contactData]);
	});

	test('Find sends email and/or phone_number and outputs contact: null when there is none', async () => {
		const found = await one(
			{ resource: 'contact', operation: 'find', email: 'john@example.com', phoneNumber: '' },
			{ body: contactData },
		);
		expect(found.request.searchParams).toEqual([['email', 'john@example.com']]);
		expect(found.out[0].json).toEqual(contactData);
		const missing = await one(
			{ resource: 'contact', operation: 'find', email: '', phoneNumber: '+1 555 123 4567' },
			{ body: { contact: null } },
		);
		expect(missing.request.searchParams).toEqual([['phone_number', '+15551234567']]);
		expect(missing.out[0].json).toEqual({ contact: null });
	});
});

describe('Phone Number, iMessage Availability and Webhook Subscription', () => {
	test('Phone Number → Get Many lists one item per number; Update PUTs forwarding_number ("" clears)', async () => {
		const list = await one(
			{ resource: 'phoneNumber', operation: 'getMany' },
			{
				body: {
					phone_numbers: [
						{ id: 1, phone_number: SEND_FROM },
						{ id: 2, phone_number: '+15550200002' },
					],
				},
			},
		);
		expect(list.out.map((item) => item.json.id)).toEqual([1, 2]);
		const update = await one(
			{ resource: 'phoneNumber', operation: 'update', phoneNumberId: '1', forwardingNumber: '' },
			{ body: { id: 1, forwarding_number: null } },
		);
		expect([update.request.method, update.request.path]).toEqual([
			'PUT',
			'/api/partner/v2/phone_numbers/1',
		]);
		expect(update.request.json).toEqual({ forwarding_number: '' });
	});

	test('iMessage Availability → Check posts {phone_number}', async () => {
		const { request, out } = await one(
			{ resource: 'iMessage', operation: 'check', phoneNumber: '5551234567' },
			{ body: { available: true, phone_number: '+15551234567' } },
		);
		expect([request.method, request.path]).toEqual([
			'POST',
			'/api/partner/v2/i_message_availability/check',
		]);
		expect(request.json).toEqual({ phone_number: '+15551234567' });
		expect(out[0].json).toEqual({ available: true, phone_number: '+15551234567' });
	});

	test('Webhook Subscription → Create and Update send {webhook_subscription: {webhook_url, version: 2, events, active, secret}}', async () => {
		const params = {
			resource: 'webhookSubscription',
			webhookUrl: 'https://example.com/hooks/linq',
			events: ['message.received', 'call.completed'],
			options: { active: false, secret: 'a-long-enough-secret-value' },
		};
		const expected = {
			webhook_subscription: {
				webhook_url: 'https://example.com/hooks/linq',
				version: 2,
				events: ['message.received', 'call.completed'],
				active: false,
				secret: 'a-long-enough-secret-value',
			},
		};
		const create = await one(
			{ ...params, operation: 'create' },
			{ status: 201, body: { webhook_subscription: { id: 7, secret_configured: true } } },
		);
		expect([create.request.method, create.request.path]).toEqual([
			'POST',
			'/api/partner/v2/webhook_subscriptions',
		]);
		expect(create.request.json).toEqual(expected);
		expect(create.out[0].json).toEqual({ id: 7, secret_configured: true });
		const update = await one(
			{ ...params, operation: 'update', subscriptionId: '7' },
			{ body: { webhook_subscription: { id: 7 } } },
		);
		expect([update.request.method, update.request.path]).toEqual([
			'PUT',
			'/api/partner/v2/webhook_subscriptions/7',
		]);
		expect(update.request.json).toEqual(expected);
	});

	test('Webhook Subscription → Get Many lists; Delete outputs a confirmation', async () => {
		const list = await one(
			{ resource: 'webhookSubscription', operation: 'getMany' },
			{ body: { webhook_subscriptions: [{ id: 7 }, { id: 8 }] } },
		);
		expect(list.out.map((item) => item.json)).toEqual([{ id: 7 }, { id: 8 }]);
		const removed = await one(
			{ resource: 'webhookSubscription', operation: 'delete', subscriptionId: '7' },
			{ status: 204, body: '' },
		);
		expect([removed.request.method, removed.request.path]).toEqual([
			'DELETE',
			'/api/partner/v2/webhook_subscriptions/7',
		]);
		expect(removed.out[0].json).toEqual({ success: true, deleted: true, subscription_id: 7 });
	});
});

describe('refused before anything is sent', () => {
	test.each([
		[{ resource: 'chat', operation: 'get', chatId: '12/../3' }, 'Chat ID "12/../3" is not a V2 ID'],
		[{ resource: 'chat', operation: 'get', chatId: 'abc' }, 'Chat ID "abc" is not a V2 ID'],
		[
			{ resource: 'chatMessage', operation: 'get', chatId: '5', messageId: '6x' },
			'Message ID "6x" is not a V2 ID',
		],
		[{ resource: 'contact', operation: 'get', contactId: '-1' }, 'Contact ID "-1" is not a V2 ID'],
		[
			{ resource: 'reaction', operation: 'get', reactionId: '1.5' },
			'Reaction ID "1.5" is not a V2 ID',
		],
		[
			{ resource: 'reaction', operation: 'add', messageId: 'm1', reaction: 'like' },
			'Message ID "m1" is not a V2 ID',
		],
		[
			{ resource: 'webhookSubscription', operation: 'delete', subscriptionId: 'x' },
			'Subscription ID "x" is not a V2 ID',
		],
		[
			{
				resource: 'chat',
				operation: 'create',
				sendFrom: SEND_FROM,
				to: '07700 900123',
				text: 'x',
				options: {},
			},
			'To "07700 900123" has no country code, so it is ambiguous',
		],
		[
			{
				resource: 'chat',
				operation: 'create',
				sendFrom: 'me@example.com',
				to: '+15551234567',
				text: 'x',
				options: {},
			},
			'Send From must be a phone number, not an email address',
		],
		[
			{
				resource: 'chatMessage',
				operation: 'send',
				chatId: '5',
				text: 'x',
				options: { idempotencyKey: 'a b' },
			},
			'Idempotency Key may only hold letters, digits, - and _ in the V2 API',
		],
		[
			{
				resource: 'chatMessage',
				operation: 'send',
				chatId: '5',
				text: 'x',
				options: { attachmentUrls: 'http://a.test/x' },
			},
			'Attachment URL "http://a.test/x" is not https',
		],
		[
			{ resource: 'contact', operation: 'create', fields: { company: 'Acme' } },
			'Contact Fields needs a First Name, Last Name, Email or Phone Number',
		],
		[
			{ resource: 'contact', operation: 'find', email: '', phoneNumber: '' },
			'Give an Email or a Phone Number to find',
		],
		[
			{
				resource: 'webhookSubscription',
				operation: 'create',
				webhookUrl: 'https://a.test',
				events: ['message.received'],
				options: { secret: 'short' },
			},
			'Secret must have at least 16 characters',
		],
	])('%j', async (params, message) => {
		const { requests, error } = await captureV2(() => runV2Node(params));
		expect(requests).toHaveLength(0);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
	});

	test.each(['send', 'edit'])(
		'chatMessage %s: a text over 10,000 characters',
		async (operation) => {
			const params = {
				resource: 'chatMessage',
				operation,
				chatId: '5',
				messageId: '9',
				options: {},
			};
			const { requests, error } = await captureV2(() =>
				runV2Node({ ...params, text: 'x'.repeat(10_001) }),
			);
			expect(requests).toHaveLength(0);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe('Text is 10,001 characters long; Linq accepts up to 10,000');
		},
	);
});

describe('errors', () => {
	test("V2's {errors: [{status, code, title, detail}]} becomes a NodeApiError with status, code and detail", async () => {
		const { error } = await captureV2(
			() => runV2Node({ resource: 'chat', operation: 'get', chatId: '404' }),
			{
				reply: {
					status: 404,
					body: {
						errors: [
							{ status: 404, code: 'not_found', title: 'Not Found', detail: 'Chat not found' },
						],
					},
					headers: { 'x-request-id': 'req-77' },
				},
			},
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Linq API error 404 (code not_found): Chat not found');
		expect(error.description).toContain('Linq error code: not_found');
		expect(error.description).toContain('trace_id: req-77');
		expect(error.httpCode).toBe('404');
	});

	test("V2's {status, error_code, message, errors: [...]} is read the same way", async () => {
		const { error } = await captureV2(
			() => runV2Node({ resource: 'contact', operation: 'create', fields: { first_name: 'A' } }),
			{
				reply: {
					status: 422,
					body: {
						status: '422',
						error_code: 'validation_error',
						message: 'Validation failed',
						errors: ['Email is invalid'],
					},
				},
			},
		);
		expect(error.message).toBe(
			'Linq API error 422 (code validation_error): Validation failed: Email is invalid',
		);
	});

	test('a 401 names the integration token and the V2 credential', async () => {
		const { error } = await captureV2(
			() => runV2Node({ resource: 'phoneNumber', operation: 'getMany' }),
			{
				reply: {
					status: 401,
					body: {
						errors: [
							{
								status: 401,
								code: 'unauthorized',
								title: 'Unauthorized',
								detail: 'Invalid integration token',
							},
						],
					},
				},
			},
		);
		expect(error.message).toBe('Linq rejected the integration token (code unauthorized)');
		expect(error.description).toContain(
			'Check the integration token in your Linq V2 (Legacy) API credentials',
		);
	});

	test('the iMessage check honours 429 with Retry-After, and says the limit is one check per 10 s', async () => {
		const { requests, error } = await captureV2(
			() => runV2Node({ resource: 'iMessage', operation: 'check', phoneNumber: '+15551234567' }),
			{
				reply: {
					status: 429,
					body: {
						errors: [
							{
								status: 429,
								code: 'rate_limited',
								title: 'Too Many Requests',
								detail: 'Rate limit exceeded',
							},
						],
					},
					headers: { 'retry-after': '10' },
				},
			},
		);
		expect(requests).toHaveLength(5);
		expect(sleeps).toEqual([10_000, 10_000, 10_000, 10_000]);
		expect(error.message).toBe(
			'Linq rate limited the request (code rate_limited); retry after 10 s',
		);
		expect(error.description).toContain('one iMessage availability check every 10 seconds');
	});

	test('continueOnFail gives an error item paired with its input', async () => {
		const { error } = await captureV2(
			async () => {
				const out = await runV2Node(
					{ resource: 'chat', operation: 'get', chatId: '1' },
					{ continueOnFail: true },
				);
				expect(out[0].json.error).toMatch(/^Linq API error 404/);
				expect(out[0].pairedItem).toEqual({ item: 0 });
			},
			{
				reply: {
					status: 404,
					body: {
						errors: [
							{ status: 404, code: 'not_found', title: 'Not Found', detail: 'Chat not found' },
						],
					},
				},
			},
		);
		expect(error).toBeUndefined();
	});
});

test('every endpoint of the V2 reference is one of the tested requests', () => {
	const documented = Object.entries(spec.paths).flatMap(([path, operations]) =>
		Object.keys(operations).map(
			(method) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{id}')}`,
		),
	);
	expect(documented).toHaveLength(29);
	expect([...covered].sort()).toEqual([...new Set(documented)].sort());
});

test('the node is Linq V2 (Legacy), an AI tool, on the linqAppV2Api credential', () => {
	const { description } = new LinqV2Legacy();
	expect(description).toMatchObject({
		name: 'linqV2Legacy',
		displayName: 'Linq V2 (Legacy)',
		usableAsTool: true,
		credentials: [{ name: 'linqAppV2Api', required: true }],
	});
});
