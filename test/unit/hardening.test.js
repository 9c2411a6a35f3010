'use strict';
/**
 * Hostile or mistaken input to the action node and the transport (issue 9, items 7-13 and 15):
 * each is refused before anything is sent, or never reaches the API in an altered form.
 */
const nock = require('nock');
const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const { expectRefusedLocally } = require('../support/localError');
const { BASE_URL, createExecuteContext, defaultCredentials } = require('../support/harness');
const { readLinqError } = require('../../nodes/shared/errors');
const { linqApiRequest } = require('../../nodes/shared/transport');
const { Linq } = require('../../nodes/Linq/Linq.node');

const CHAT = '550e8400-e29b-41d4-a716-446655440000';
const MESSAGE = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

const send = (overrides = {}) => ({
	resource: 'message',
	operation: 'send',
	to: '+15551230001',
	text: 'Hello',
	link: '',
	options: {},
	...overrides,
});

describe('error bodies and the Base URL are parsed in bounded, linear time (item 7)', () => {
	test('only a bounded prefix of an HTML error page is read', () => {
		const early = `<html><title>Bad Gateway</title>${'<p>x</p>'.repeat(20_000)}</html>`;
		expect(readLinqError(502, early).message).toBe('Bad Gateway');
		const late = `<html>${'<p>x</p>'.repeat(20_000)}<title>Late</title></html>`;
		expect(readLinqError(502, late).message).not.toContain('Late');
	});

	test('a page of unclosed tags gives a short message', () => {
		const hostile = '<'.repeat(240_000);
		const { message } = readLinqError(502, hostile);
		expect((message ?? '').length).toBeLessThanOrEqual(300);
	});

	test('a Base URL of 40,000 slashes is refused before any request', async () => {
		const credentials = defaultCredentials({
			baseUrl: `https://api.linq.test/${'/'.repeat(40_000)}x`,
		});
		const ctx = createExecuteContext({
			params: { resource: 'chat', operation: 'get', chatId: CHAT },
			credentials,
		});
		const error = await new Linq().execute.call(ctx).catch((thrown) => thrown);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/Base URL/);
		expect(ctx.requests).toHaveLength(0);
	});

	test('trailing slashes of the Base URL are still trimmed', async () => {
		nock(BASE_URL).get(`/v3/chats/${CHAT}`).reply(200, { id: CHAT });
		const credentials = defaultCredentials({ baseUrl: `${BASE_URL}///` });
		const ctx = createExecuteContext({
			params: { resource: 'chat', operation: 'get', chatId: CHAT },
			credentials,
		});
		const [[item]] = await new Linq().execute.call(ctx);
		expect(item.json.id).toBe(CHAT);
	});
});

describe('the API token never follows a redirect (item 8)', () => {
	test('a 302 to another origin is not followed and is an error', async () => {
		const elsewhere = nock('https://elsewhere.test').get(/.*/).reply(200, { stolen: true });
		nock(BASE_URL)
			.get(`/v3/chats/${CHAT}`)
			.reply(302, '', { Location: 'https://elsewhere.test/collect' });
		const ctx = createExecuteContext();
		const error = await linqApiRequest
			.call(ctx, { method: 'GET', path: `/v3/chats/${CHAT}` })
			.catch((thrown) => thrown);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toMatch(/redirect/i);
		expect(elsewhere.isDone()).toBe(false);
	});

	test.each(['http://api.linq.test/api/partner', 'http://10.0.0.5:8080'])(
		'an http:// Base URL (%s) is refused',
		async (baseUrl) => {
			const ctx = createExecuteContext({ credentials: defaultCredentials({ baseUrl }) });
			const error = await linqApiRequest
				.call(ctx, { method: 'GET', path: `/v3/chats/${CHAT}` })
				.catch((thrown) => thrown);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/Base URL/);
			expect(ctx.requests).toHaveLength(0);
		},
	);

	test.each(['http://localhost:5679', 'http://127.0.0.1:5679/api', 'http://[::1]:5679'])(
		'an http:// Base URL on this machine (%s) is allowed',
		async (baseUrl) => {
			nock(baseUrl.replace(/\/api$/, ''))
				.get(/\/v3\/chats\//)
				.reply(200, { id: CHAT });
			const ctx = createExecuteContext({ credentials: defaultCredentials({ baseUrl }) });
			const body = await linqApiRequest.call(ctx, { method: 'GET', path: `/v3/chats/${CHAT}` });
			expect(body.id).toBe(CHAT);
		},
	);
});

describe('IDs that would change the endpoint are refused (item 9)', () => {
	test.each([
		[
			'Chat',
			{ resource: 'chat', operation: 'update', chatId: '.', updateFields: { displayName: 'x' } },
		],
		[
			'Chat',
			{ resource: 'chat', operation: 'get', chatId: { __rl: true, mode: 'id', value: '..' } },
		],
		[
			'Subscription ID',
			{ resource: 'webhookSubscription', operation: 'delete', subscriptionId: '.' },
		],
		[
			'Phone Number',
			{ resource: 'phoneNumber', operation: 'update', phoneNumberId: '..', forwardingNumber: '' },
		],
		['Message ID', { resource: 'message', operation: 'get', messageId: `${MESSAGE}/../x` }],
		['Message ID', { resource: 'message', operation: 'delete', messageId: '%2F' }],
		['Attachment ID', { resource: 'attachment', operation: 'delete', attachmentId: 'a\\b' }],
	])('%s %j', async (field, params) => {
		const error = await expectRefusedLocally(params, field);
		expect(error.message).toMatch(/not a valid/);
	});
});

describe('lists and objects from expressions are refused, not coerced (item 10)', () => {
	test.each([
		['Text', send({ text: ['a', 'b'] })],
		['Text', send({ text: { a: 1 } })],
		['Link', send({ text: '', link: ['https://a.example', 'https://b.example'] })],
		[
			'Media URL',
			send({
				media: {
					mediaValues: [
						{ source: 'url', url: ['https://a.example/1.jpg', 'https://b.example/2.jpg'] },
					],
				},
			}),
		],
		['Reply To Message ID', send({ options: { replyToMessageId: [MESSAGE] } })],
		[
			'Custom Emoji',
			{
				resource: 'message',
				operation: 'react',
				messageId: MESSAGE,
				reactionType: 'custom',
				customEmoji: ['👍'],
				options: {},
			},
		],
		[
			'Display Name',
			{
				resource: 'chat',
				operation: 'update',
				chatId: CHAT,
				updateFields: { displayName: { name: 'x' } },
			},
		],
		[
			'Target URL',
			{
				resource: 'webhookSubscription',
				operation: 'create',
				targetUrl: ['https://a.example/hook'],
				events: ['message.received'],
			},
		],
	])('%s', async (field, params) => {
		await expectRefusedLocally(params, field);
	});

	test('a number is accepted as text', async () => {
		let sent;
		nock(BASE_URL)
			.post('/v3/messages')
			.reply(200, (_, body) => {
				sent = body;
				return { chat: { id: CHAT } };
			});
		const ctx = createExecuteContext({ params: send({ text: 42 }) });
		await new Linq().execute.call(ctx);
		expect(sent.message.parts[0]).toEqual({ type: 'text', value: '42' });
	});
});

describe('idempotency keys are never altered on the way (item 11)', () => {
	test.each(['order-42-😀', 'order\r\n42', 'order 42', 'x'.repeat(256)])(
		'%j is refused',
		async (key) => {
			await expectRefusedLocally(send({ options: { idempotencyKey: key } }), 'Idempotency Key');
		},
	);

	test('visible ASCII up to 255 characters is sent as given', async () => {
		const key = `order-42_${'k'.repeat(200)}:~`;
		let header;
		nock(BASE_URL)
			.post('/v3/messages')
			.reply(200, function (_, body) {
				header = this.req.headers['idempotency-key'];
				return { chat: { id: CHAT }, body };
			});
		await new Linq().execute.call(
			createExecuteContext({ params: send({ options: { idempotencyKey: key } }) }),
		);
		expect(header).toBe(key);
	});
});

describe('options are checked before they reach the API (item 12)', () => {
	const react = (overrides) => ({
		resource: 'message',
		operation: 'react',
		messageId: MESSAGE,
		reactionType: 'love',
		options: {},
		...overrides,
	});
	test.each([
		[
			'Reply To Part Index',
			send({ options: { replyToMessageId: MESSAGE, replyToPartIndex: 'abc' } }),
		],
		['Reply To Part Index', send({ options: { replyToMessageId: MESSAGE, replyToPartIndex: -1 } })],
		[
			'Reply To Part Index',
			send({ options: { replyToMessageId: MESSAGE, replyToPartIndex: 1.5 } }),
		],
		['Part Index', react({ options: { partIndex: 'abc' } })],
		[
			'Part Index',
			{
				resource: 'message',
				operation: 'edit',
				messageId: MESSAGE,
				text: 'x',
				options: { partIndex: -2 },
			},
		],
		['Effect', send({ options: { effect: 'screen' } })],
		['Effect', send({ options: { effect: 'screen:' } })],
		['Custom Emoji', react({ reactionType: 'custom', customEmoji: '😀😀😀' })],
		['Custom Emoji', react({ reactionType: 'custom', customEmoji: 'ok' })],
	])('%s %j', async (field, params) => {
		await expectRefusedLocally(params, field);
	});

	test.each(['👍', '👍🏽', '👨‍👩‍👧', '🇫🇷', '❤️'])('%s is one emoji', async (emoji) => {
		let sent;
		nock(BASE_URL)
			.post(`/v3/messages/${MESSAGE}/reactions`)
			.reply(200, (_, body) => {
				sent = body;
				return {};
			});
		await new Linq().execute.call(
			createExecuteContext({
				params: react({ reactionType: 'custom', customEmoji: emoji, options: { partIndex: 0 } }),
			}),
		);
		expect(sent).toMatchObject({ custom_emoji: emoji, part_index: 0 });
	});
});

test('Phone Number → Update refuses an email as the forwarding number (item 13)', async () => {
	await expectRefusedLocally(
		{
			resource: 'phoneNumber',
			operation: 'update',
			phoneNumberId: 'pn_1',
			forwardingNumber: 'me@example.com',
		},
		'Forwarding Number',
	);
});

describe('Webhook Subscription → Create can leave the signing secret out (item 15)', () => {
	const create = (options) => ({
		resource: 'webhookSubscription',
		operation: 'create',
		targetUrl: 'https://example.com/hook',
		events: ['message.received'],
		phoneNumbers: [],
		options,
	});
	const answer = {
		id: 'sub_1',
		target_url: 'https://example.com/hook',
		signing_secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
	};

	test('left out when asked', async () => {
		nock(BASE_URL).post('/v3/webhook-subscriptions').reply(200, answer);
		const [[item]] = await new Linq().execute.call(
			createExecuteContext({ params: create({ includeSigningSecret: false }) }),
		);
		expect(item.json.id).toBe('sub_1');
		expect(item.json).not.toHaveProperty('signing_secret');
		expect(JSON.stringify(item)).not.toContain('whsec_');
	});

	test('kept by default: it is the only chance to get it', async () => {
		nock(BASE_URL).post('/v3/webhook-subscriptions').reply(200, answer);
		const [[item]] = await new Linq().execute.call(
			createExecuteContext({ params: create(undefined) }),
		);
		expect(item.json.signing_secret).toBe(answer.signing_secret);
	});
});
