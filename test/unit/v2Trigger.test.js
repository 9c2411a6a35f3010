'use strict';
/**
 * The Linq V2 Trigger (Legacy): its signature check (raw body or canonical JSON), each delivery
 * through webhook() (forgeries refused, duplicates and own outbound dropped, every event family
 * shaped), and its subscription's lifecycle against the fake V2 server.
 */
const crypto = require('node:crypto');
const { LinqV2LegacyTrigger } = require('../../nodes/LinqV2LegacyTrigger/LinqV2LegacyTrigger.node');
const {
	verifyV2Signature,
	isValidV2Secret,
} = require('../../nodes/LinqV2LegacyTrigger/verifyV2Signature');
const { canonicalJson } = require('../../nodes/LinqV2LegacyTrigger/canonicalJson');
const { shapeV2Event } = require('../../nodes/LinqV2LegacyTrigger/shapeV2Event');
const {
	startFakeLinqV2,
	v2MessageEvent,
	signV2,
	canonicalJson: fakeCanonical,
	V2_LINES,
} = require('../support/fakeLinqV2');
const { v2Credentials } = require('../support/v2Harness');
const {
	createTriggerContext,
	PRODUCTION_URL,
	TEST_URL,
	triggerNode,
} = require('../support/webhookContext');

const SECRET = 'v2-secret-0123456789abcdef';
const LINE = V2_LINES[0];
const SENDER = '+15557654321';
const node = triggerNode({
	name: 'Linq V2 Trigger',
	type: 'n8n-nodes-linqapp.linqV2LegacyTrigger',
});

function event(eventType, data, extra = {}) {
	return {
		api_version: 'v2',
		created_at: '2025-07-10T15:31:00-06:00',
		data,
		event_id: crypto.randomUUID(),
		event_type: eventType,
		...extra,
	};
}

function delivery(payload, { secret = SECRET, form = 'raw', signature } = {}) {
	const body = form === 'canonical' ? JSON.stringify(payload, null, 2) : JSON.stringify(payload);
	const signed = form === 'canonical' ? canonicalJson(payload) : body;
	const headers = { 'content-type': 'application/json' };
	if (signature !== null) headers['x-webhook-signature'] = signature ?? signV2(secret, signed);
	return { headers, rawBody: Buffer.from(body, 'utf8'), body: payload };
}

/** One webhook() call with `request`, the credential's secret and `params`; returns the context and result. */
async function receive(request, { params = {}, staticData = {}, credentials = {} } = {}) {
	const ctx = createTriggerContext({
		node,
		params: { events: ['message.received'], options: {}, ...params },
		credentials: v2Credentials({ webhookSecret: SECRET, ...credentials }),
		staticData,
		request,
	});
	const result = await new LinqV2LegacyTrigger().webhook.call(ctx);
	return { ctx, result, item: result.workflowData?.[0]?.[0]?.json };
}

describe('verifyV2Signature', () => {
	const payload = v2MessageEvent({ text: 'Tom & Jerry <3 \u2028' });
	const raw = Buffer.from(JSON.stringify(payload));

	test('accepts sha256=<hex> over the raw body, with or without the prefix', () => {
		const signature = signV2(SECRET, raw);
		expect(verifyV2Signature({ 'x-webhook-signature': signature }, raw, [SECRET])).toEqual({
			ok: true,
			form: 'raw',
		});
		expect(
			verifyV2Signature({ 'x-webhook-signature': signature.slice(7).toUpperCase() }, raw, [SECRET]),
		).toEqual({ ok: true, form: 'raw' });
	});

	test('accepts a signature over the canonical JSON (keys sorted recursively) of a body sent otherwise', () => {
		const spaced = Buffer.from(JSON.stringify(payload, null, 2));
		expect(canonicalJson(payload)).toBe(fakeCanonical(payload));
		const signature = signV2(SECRET, canonicalJson(payload));
		expect(verifyV2Signature({ 'x-webhook-signature': signature }, spaced, [SECRET])).toEqual({
			ok: true,
			form: 'canonical',
		});
	});

	test('accepts the canonical JSON as Rails escapes it (<, >, & and U+2028 as \\u sequences)', () => {
		const rails = canonicalJson(payload)
			.replace(/</g, '\\u003c')
			.replace(/>/g, '\\u003e')
			.replace(/&/g, '\\u0026')
			.replace(/\u2028/g, '\\u2028');
		expect(rails).not.toBe(canonicalJson(payload));
		const signature = signV2(SECRET, rails);
		expect(verifyV2Signature({ 'x-webhook-signature': signature }, raw, [SECRET]).ok).toBe(true);
	});

	test.each([
		[
			'a tampered body',
			{ 'x-webhook-signature': signV2(SECRET, raw) },
			Buffer.from(raw.toString().replace('Tom', 'Tim')),
			[SECRET],
			'bad_signature',
		],
		[
			'another secret',
			{ 'x-webhook-signature': signV2('some-other-secret-1234', raw) },
			raw,
			[SECRET],
			'bad_signature',
		],
		['no signature header', {}, raw, [SECRET], 'missing_headers'],
		['no headers at all', undefined, raw, [SECRET], 'missing_headers'],
		[
			'a signature that is not 64 hex digits',
			{ 'x-webhook-signature': 'sha256=abc' },
			raw,
			[SECRET],
			'bad_signature',
		],
		['no secret', { 'x-webhook-signature': signV2(SECRET, raw) }, raw, [], 'no_secret'],
		[
			'a secret under 16 characters',
			{ 'x-webhook-signature': signV2('short', raw) },
			raw,
			['short'],
			'invalid_secret',
		],
		[
			'a masked secret',
			{ 'x-webhook-signature': signV2('••••••••••••••••', raw) },
			raw,
			['••••••••••••••••'],
			'invalid_secret',
		],
		[
			'a body that is not JSON (no canonical form)',
			{ 'x-webhook-signature': signV2(SECRET, 'x') },
			Buffer.from('{"a":'),
			[SECRET],
			'bad_signature',
		],
	])('refuses %s', (_, headers, body, secrets, reason) => {
		expect(verifyV2Signature(headers, body, secrets)).toEqual({ ok: false, reason });
	});

	test('a secret is 16 to 1,024 visible ASCII characters', () => {
		expect(isValidV2Secret('a'.repeat(16))).toBe(true);
		expect(isValidV2Secret(crypto.randomBytes(32).toString('hex'))).toBe(true);
		for (const bad of ['a'.repeat(15), 'a'.repeat(1025), 'sixteen chars ok', undefined, 42])
			expect(isValidV2Secret(bad)).toBe(false);
	});
});

describe('webhook()', () => {
	test('a delivery signed over the raw body starts the workflow with the V3 trigger fields', async () => {
		const payload = v2MessageEvent({
			from: SENDER,
			line: LINE,
			text: 'Hello',
			chatId: '324324',
			id: '27799380',
		});
		const { item, ctx } = await receive(delivery(payload));
		expect(ctx.response.statusCode).toBe(200);
		expect(item).toMatchObject({
			event_type: 'message.received',
			event_id: payload.event_id,
			webhook_id: null,
			webhook_version: 'v2',
			chat_id: '324324',
			message_id: '27799380',
			from: SENDER,
			to: LINE,
			line: LINE,
			text: 'Hello',
			media: [],
			service: 'iMessage',
			direction: 'inbound',
			is_group: false,
			participants: [SENDER],
			data: payload.data,
		});
	});

	test('a delivery signed over the canonical JSON starts it too', async () => {
		const { item } = await receive(
			delivery(v2MessageEvent({ from: SENDER }), { form: 'canonical' }),
		);
		expect(item.from).toBe(SENDER);
	});

	test.each([
		[
			'tampered',
			() => ({
				...delivery(v2MessageEvent()),
				rawBody: Buffer.from(JSON.stringify(v2MessageEvent({ text: 'forged' }))),
			}),
		],
		[
			'signed with a wrong secret',
			() => delivery(v2MessageEvent(), { secret: 'not-the-right-secret-123' }),
		],
		['an unsigned delivery', () => delivery(v2MessageEvent(), { signature: null })],
	])('%s is refused with 401 and starts nothing', async (_, make) => {
		const { ctx, result } = await receive(make());
		expect(ctx.response.statusCode).toBe(401);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(ctx.logs.filter((log) => log.level === 'warn')).toHaveLength(1);
	});

	test('a signed body that is not an event is refused with 400', async () => {
		const body = '{"hello":"world"}';
		const { ctx } = await receive({
			headers: { 'x-webhook-signature': signV2(SECRET, body) },
			rawBody: Buffer.from(body),
		});
		expect(ctx.response.statusCode).toBe(400);
	});

	test('a resent event (same event_id, either signature form) starts the workflow once', async () => {
		const staticData = {};
		const payload = v2MessageEvent();
		const first = await receive(delivery(payload), { staticData });
		const again = await receive(delivery(payload), { staticData });
		const canonical = await receive(delivery(payload, { form: 'canonical' }), { staticData });
		expect(first.item).toBeDefined();
		expect(again.result).toEqual({});
		expect(canonical.result).toEqual({});
		const other = await receive(delivery(v2MessageEvent()), { staticData });
		expect(other.item).toBeDefined();
	});

	test('own outbound messages (is_from_me) are dropped unless Include Own Outbound Messages is on', async () => {
		const payload = v2MessageEvent({ extra: { is_from_me: true } });
		const dropped = await receive(delivery(payload));
		expect(dropped.result).toEqual({});
		const kept = await receive(delivery(payload), {
			params: { options: { includeOwnOutbound: true } },
		});
		expect(kept.item.direction).toBe('outbound');
		const reaction = event('reaction.received', {
			id: '1',
			chat_message_id: '2',
			chat_id: '3',
			reaction: 'like',
			is_from_me: true,
		});
		expect(
			(await receive(delivery(reaction), { params: { events: ['reaction.received'] } })).result,
		).toEqual({});
	});

	test('Message Sent and Reaction Sent are their own opt-in and always arrive when chosen', async () => {
		const sent = await receive(delivery(v2MessageEvent({ eventType: 'message.sent' })), {
			params: { events: ['message.sent'] },
		});
		expect(sent.item).toMatchObject({ direction: 'outbound', from: LINE });
		const reaction = event('reaction.sent', {
			id: '5',
			chat_message_id: '6',
			chat_id: '7',
			reaction: 'love',
			is_from_me: true,
		});
		const sentReaction = await receive(delivery(reaction), {
			params: { events: ['reaction.sent'] },
		});
		expect(sentReaction.item).toMatchObject({ direction: 'outbound', reaction: 'love' });
	});

	test('events the node did not choose and senders not allowed start nothing', async () => {
		expect(
			(await receive(delivery(v2MessageEvent()), { params: { events: ['call.completed'] } }))
				.result,
		).toEqual({});
		expect(
			(
				await receive(delivery(v2MessageEvent({ from: SENDER })), {
					params: { options: { allowedSenders: '+15550000000' } },
				})
			).result,
		).toEqual({});
	});

	test('the secrets of its own subscriptions come before the one in the credentials', async () => {
		const staticData = {
			'node:Linq V2 Trigger': {
				registrations: {
					[PRODUCTION_URL]: {
						id: '9',
						secret: 'own-subscription-secret-42',
						targetUrl: PRODUCTION_URL,
						events: ['message.received'],
						lines: [],
						test: false,
					},
				},
			},
		};
		const payload = v2MessageEvent();
		expect((await receive(delivery(payload), { staticData })).ctx.response.statusCode).toBe(401);
		expect(
			(await receive(delivery(payload, { secret: 'own-subscription-secret-42' }), { staticData }))
				.item,
		).toBeDefined();
	});
});

describe('each event family is shaped', () => {
	const handles = [
		{ identifier: SENDER, display_name: 'John Doe', is_me: false },
		{ identifier: LINE, display_name: 'Your Linq Number', is_me: true },
	];
	const shape = (eventType, data) => shapeV2Event(event(eventType, data));

	test('message.received with attachments, and a STOP flagged as opt-out', () => {
		const item = shape('message.received', {
			id: '27799380',
			chat_id: '324324',
			text: 'STOP',
			from_phone: SENDER,
			service: 'SMS',
			chat_handles: handles,
			attachments: [
				{
					id: 'abc',
					url: 'https://storage.googleapis.com/linq-files/a.pdf',
					filename: 'document.pdf',
					mime_type: 'application/pdf',
				},
			],
		});
		expect(item.media).toEqual([
			{
				url: 'https://storage.googleapis.com/linq-files/a.pdf',
				mime_type: 'application/pdf',
				filename: 'document.pdf',
				size_bytes: null,
			},
		]);
		expect(item).toMatchObject({ service: 'SMS', opt_out: true, keyword: 'stop' });
	});

	test('message.read', () => {
		expect(
			shape('message.read', {
				id: '12345',
				chat_id: '67890',
				read_at: '2025-05-21T15:35:00-06:00',
			}),
		).toMatchObject({
			message_id: '12345',
			chat_id: '67890',
			read_at: '2025-05-21T15:35:00-06:00',
			direction: null,
			text: null,
		});
	});

	test('call.completed with recording, transcript and summary', () => {
		const item = shape('call.completed', {
			id: '12345',
			to: LINE,
			from: SENDER,
			status: 'completed',
			direction: 'inbound',
			duration: 330,
			has_recording: true,
			recording_data: {
				id: '67890',
				url: 'https://storage.googleapis.com/linq-files/recordings/abc123.mp3',
				duration: 330,
				transcription: 'Hello, this is John',
				summary: 'John called.',
			},
		});
		expect(item).toMatchObject({
			from: SENDER,
			to: LINE,
			line: LINE,
			direction: 'inbound',
			call_status: 'completed',
			call_duration: 330,
			recording_url: 'https://storage.googleapis.com/linq-files/recordings/abc123.mp3',
			transcript: 'Hello, this is John',
			call_summary: 'John called.',
			chat_id: null,
			message_id: null,
		});
	});

	test('reaction.received and reaction.sent', () => {
		const received = shape('reaction.received', {
			id: '12346',
			chat_message_id: '67891',
			chat_id: '11111',
			reaction: 'like',
			is_from_me: false,
			chat_handle: { id: '22223', identifier: SENDER },
			chat_handles: handles,
			associated_message: { id: '67891', text: "I'm doing great" },
		});
		expect(received).toMatchObject({
			reaction: 'like',
			reaction_id: '12346',
			message_id: '67891',
			chat_id: '11111',
			from: SENDER,
			line: LINE,
			direction: 'inbound',
		});
		expect(
			shape('reaction.sent', { id: '1', chat_message_id: '2', is_from_me: true, reaction: 'love' })
				.direction,
		).toBe('outbound');
	});

	test('typing_indicator.received and .removed', () => {
		expect(
			shape('typing_indicator.received', {
				chat_id: '11111',
				display: true,
				chat_handles: handles,
			}),
		).toMatchObject({
			typing: true,
			from: SENDER,
			line: LINE,
			chat_id: '11111',
			direction: 'inbound',
		});
		expect(
			shape('typing_indicator.removed', { chat_id: '11111', display: false, chat_handles: handles })
				.typing,
		).toBe(false);
	});

	test('contact.created, contact.updated and contact.deleted', () => {
		const data = { id: 123, first_name: 'John', phone_number: SENDER, contact_owner: { id: 456 } };
		for (const type of ['contact.created', 'contact.updated']) {
			expect(shape(type, data)).toMatchObject({
				contact: data,
				contact_id: '123',
				direction: null,
				from: null,
			});
		}
		expect(shape('contact.deleted', { id: 123 })).toMatchObject({
			contact: { id: 123 },
			contact_id: '123',
		});
	});

	test('participant.added and participant.removed', () => {
		const item = shape('participant.added', {
			chat_id: 55,
			identifier: '+15551112222',
			chat_handles: [...handles, { identifier: '+15551112222', is_me: false }],
		});
		expect(item).toMatchObject({ participant: '+15551112222', chat_id: '55', is_group: true });
		expect(
			shape('participant.removed', { chat_id: 55, phone_number: '+15551112222' }).participant,
		).toBe('+15551112222');
	});

	test('every item has the same keys, whatever the event', () => {
		const keys = (item) => Object.keys(item).sort();
		const reference = keys(shape('message.received', {}));
		for (const type of [
			'call.completed',
			'contact.deleted',
			'typing_indicator.removed',
			'participant.added',
		]) {
			expect(keys(shape(type, {}))).toEqual(reference);
		}
	});
});

describe('subscription lifecycle (fake V2 server)', () => {
	let fake;
	beforeAll(async () => {
		fake = await startFakeLinqV2();
	});
	afterAll(async () => {
		await fake.close();
	});
	beforeEach(() => fake.reset());

	const hooks = (
		staticData,
		{ mode = 'trigger', webhookUrl = PRODUCTION_URL, events = ['message.received'] } = {},
	) => {
		const ctx = createTriggerContext({
			node,
			params: { events, options: {} },
			credentials: v2Credentials({ integrationToken: fake.token, baseUrl: fake.baseUrl }),
			staticData,
			mode,
			webhookUrl,
		});
		const trigger = new LinqV2LegacyTrigger();
		return {
			ctx,
			checkExists: () => trigger.webhookMethods.default.checkExists.call(ctx),
			create: () => trigger.webhookMethods.default.create.call(ctx),
			remove: () => trigger.webhookMethods.default.delete.call(ctx),
		};
	};
	const activate = async (staticData, options) => {
		const hook = hooks(staticData, options);
		if (!(await hook.checkExists())) await hook.create();
		return hook;
	};

	test('activation creates one subscription with a secret it generated, and keeps it', async () => {
		const staticData = {};
		await activate(staticData);
		const [subscription] = fake.subscriptions();
		expect(fake.subscriptions()).toHaveLength(1);
		expect(subscription).toMatchObject({
			webhook_url: PRODUCTION_URL,
			version: 2,
			events: ['message.received'],
			active: true,
		});
		expect(subscription.secret).toMatch(/^[0-9a-f]{64}$/);
		const stored = staticData['node:Linq V2 Trigger'].registrations[PRODUCTION_URL];
		expect(stored).toMatchObject({
			id: String(subscription.id),
			secret: subscription.secret,
			test: false,
		});
		expect(fake.calls('POST', '/webhook_subscriptions')).toHaveLength(1);
	});

	test('a signed delivery from the fake verifies with the stored secret', async () => {
		const staticData = {};
		await activate(staticData);
		const payload = v2MessageEvent();
		const signature = signV2(fake.subscriptions()[0].secret, JSON.stringify(payload));
		const { item } = await receive(
			{
				headers: { 'x-webhook-signature': signature },
				rawBody: Buffer.from(JSON.stringify(payload)),
			},
			{ staticData, credentials: { webhookSecret: '' } },
		);
		expect(item.event_id).toBe(payload.event_id);
	});

	test('a restart finds its subscription and creates none; changed events are updated in place', async () => {
		const staticData = {};
		await activate(staticData);
		const [before] = fake.subscriptions();
		await activate(staticData);
		expect(fake.subscriptions()).toHaveLength(1);
		await activate(staticData, { events: ['message.received', 'call.completed'] });
		expect(fake.subscriptions()).toEqual([
			expect.objectContaining({
				id: before.id,
				secret: before.secret,
				events: ['call.completed', 'message.received'],
			}),
		]);
		expect(fake.calls('POST', '/webhook_subscriptions')).toHaveLength(1);
	});

	test('a restart keeps its own subscription and deletes a second one on our URL (V2 would deliver every event twice)', async () => {
		const staticData = {};
		await activate(staticData);
		const [ours] = fake.subscriptions();
		fake.state.subscriptions.set(999, {
			id: 999,
			webhook_url: `${PRODUCTION_URL}?copy=1`,
			version: 2,
			events: ['message.received'],
			active: true,
			secret: 'someone-elses-secret-123',
		});
		await expect(hooks(staticData).checkExists()).resolves.toBe(true);
		expect(fake.subscriptions()).toEqual([expect.objectContaining({ id: ours.id })]);
		expect(fake.calls('POST', '/webhook_subscriptions')).toHaveLength(1);
	});

	test('a subscription deleted at Linq is created again; one on our URL whose secret we lack is deleted', async () => {
		const staticData = {};
		await activate(staticData);
		fake.state.subscriptions.clear();
		fake.state.subscriptions.set(1, {
			id: 1,
			webhook_url: PRODUCTION_URL,
			version: 2,
			events: ['message.received'],
			active: true,
			secret: 'someone-elses-secret-123',
		});
		await activate(staticData);
		expect(fake.subscriptions()).toHaveLength(1);
		expect(fake.subscriptions()[0].id).not.toBe(1);
		expect(fake.subscriptions()[0].secret).toBe(
			staticData['node:Linq V2 Trigger'].registrations[PRODUCTION_URL].secret,
		);
	});

	test('deactivation deletes it; already gone counts as deleted; other failures are errors', async () => {
		const staticData = {};
		const hook = await activate(staticData);
		await expect(hook.remove()).resolves.toBe(true);
		expect(fake.subscriptions()).toHaveLength(0);
		expect(staticData['node:Linq V2 Trigger'].registrations).toEqual({});

		const again = await activate(staticData);
		fake.state.subscriptions.clear();
		await expect(again.remove()).resolves.toBe(true);

		const third = await activate(staticData);
		fake.fail({
			method: 'DELETE',
			path: `/webhook_subscriptions/${fake.subscriptions()[0].id}`,
			status: 403,
			times: 1,
		});
		await expect(third.remove()).rejects.toThrow('Linq API error 403');
	});

	test('a test listen gets its own subscription and leaves the production one alone', async () => {
		const staticData = {};
		await activate(staticData);
		const listen = await activate(staticData, { mode: 'manual', webhookUrl: TEST_URL });
		expect(
			fake
				.subscriptions()
				.map((entry) => entry.webhook_url)
				.sort(),
		).toEqual([PRODUCTION_URL, TEST_URL].sort());
		await listen.remove();
		expect(fake.subscriptions().map((entry) => entry.webhook_url)).toEqual([PRODUCTION_URL]);
	});
});

test('the trigger is Linq V2 Trigger (Legacy) on the linqAppV2Api credential', () => {
	const { description } = new LinqV2LegacyTrigger();
	expect(description).toMatchObject({
		name: 'linqV2LegacyTrigger',
		displayName: 'Linq V2 Trigger (Legacy)',
		inputs: [],
		credentials: [{ name: 'linqAppV2Api', required: true }],
	});
	expect(description.usableAsTool).toBeUndefined();
});
