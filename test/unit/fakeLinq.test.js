'use strict';
/**
 * The fake Linq server the end-to-end suite trusts: its auth, pagination, presigned upload and
 * webhook signatures are checked here against independent references (the standardwebhooks
 * library for Standard Webhooks signatures, our own verifier for the legacy one), so an e2e pass means our nodes agree with Linq's contract.
 */
const crypto = require('node:crypto');
const http = require('node:http');
const { default: LinqSdk } = require('@linqapp/sdk');
const { Webhook } = require('standardwebhooks');

const { verifySignature } = require('../../nodes/shared/delivery/verifySignature');
const { startFakeLinq, messageEvent } = require('../support/fakeLinq');

let fake;

beforeEach(async () => {
	fake = await startFakeLinq();
});

afterEach(async () => {
	await fake.close();
});

function call(method, path, { body, token = fake.token, headers = {} } = {}) {
	return fetch(`${fake.baseUrl}${path}`, {
		method,
		headers: {
			...(token ? { authorization: `Bearer ${token}` } : {}),
			...(body ? { 'content-type': 'application/json' } : {}),
			...headers,
		},
		body: body ? JSON.stringify(body) : undefined,
	});
}

test('a missing or wrong token gets 401 with Linq error JSON, and the request is recorded', async () => {
	for (const token of [null, 'wrong']) {
		const response = await call('GET', '/v3/phone_numbers', { token });
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({
			code: 1002,
			message: expect.any(String),
			trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
		});
	}
	expect(fake.calls('GET', '/v3/phone_numbers')).toHaveLength(2);
	expect((await call('GET', '/v3/phone_numbers')).status).toBe(200);
});

test('chats are paged with next_cursor until an empty cursor', async () => {
	const ids = fake.seedChats(25);
	const seen = [];
	let cursor;
	let pages = 0;
	do {
		const query = new URLSearchParams({ limit: '10', ...(cursor ? { cursor } : {}) });
		const page = await (await call('GET', `/v3/chats?${query}`)).json();
		seen.push(...page.chats.map((chat) => chat.id));
		cursor = page.next_cursor;
		pages += 1;
	} while (cursor);
	expect(pages).toBe(3);
	expect(seen).toEqual(ids);
});

test('a presigned upload refuses an Authorization header and a wrong content type, and stores exact bytes', async () => {
	const bytes = crypto.randomBytes(512);
	const slot = await (
		await call('POST', '/v3/attachments', {
			body: { filename: 'a.bin', content_type: 'application/pdf', size_bytes: 512 },
		})
	).json();
	const put = (headers) => fetch(slot.upload_url, { method: 'PUT', headers, body: bytes });
	expect(
		(await put({ ...slot.required_headers, authorization: `Bearer ${fake.token}` })).status,
	).toBe(400);
	expect((await put({ 'content-type': 'image/png' })).status).toBe(403);
	expect((await put(slot.required_headers)).status).toBe(200);
	expect(Buffer.compare(fake.state.attachments.get(slot.attachment_id).bytes, bytes)).toBe(0);
});

test('a queued 429 carries Retry-After and code 1007, then the endpoint answers normally', async () => {
	fake.fail({ method: 'GET', path: '/v3/phone_numbers', status: 429, retryAfter: 2 });
	const limited = await call('GET', '/v3/phone_numbers');
	expect(limited.status).toBe(429);
	expect(limited.headers.get('retry-after')).toBe('2');
	expect((await limited.json()).code).toBe(1007);
	expect((await call('GET', '/v3/phone_numbers')).status).toBe(200);
});

describe('webhook subscriptions and deliveries', () => {
	let receiver;
	let received;

	beforeEach(async () => {
		received = [];
		receiver = http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (chunk) => chunks.push(chunk));
			req.on('end', () => {
				received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
				res.end('ok');
			});
		});
		await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	});

	afterEach(async () => {
		await new Promise((resolve) => receiver.close(resolve));
	});

	async function subscribe() {
		const target = `http://127.0.0.1:${receiver.address().port}/hook?version=2026-02-03`;
		const response = await call('POST', '/v3/webhook-subscriptions', {
			body: { target_url: target, subscribed_events: ['message.received'] },
		});
		return { response, target };
	}

	test('one subscription per target URL, each with its own whsec_ secret shown only at creation', async () => {
		const { response, target } = await subscribe();
		expect(response.status).toBe(201);
		const created = await response.json();
		expect(created.signing_secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
		expect((await subscribe()).response.status).toBe(409);
		const listed = await (await call('GET', '/v3/webhook-subscriptions')).json();
		expect(listed.subscriptions).toEqual([
			expect.not.objectContaining({ signing_secret: expect.anything() }),
		]);
		expect(listed.subscriptions[0].target_url).toBe(target);
	});

	test('a delivery verifies with the standardwebhooks library and the legacy hex HMAC', async () => {
		const created = await (await subscribe()).response.json();
		const event = messageEvent({ text: 'signed' });
		const delivery = await fake.deliver(created.id, event);
		expect(delivery.status).toBe(200);
		const [got] = received;
		expect(
			new Webhook(created.signing_secret.replace(/^whsec_/, '')).verify(got.body, got.headers),
		).toEqual(event);
		const legacyOnly = {
			'x-webhook-timestamp': got.headers['x-webhook-timestamp'],
			'x-webhook-signature': got.headers['x-webhook-signature'],
		};
		const now = Math.floor(Date.now() / 1000);
		expect(verifySignature(legacyOnly, got.body, [created.signing_secret], now)).toEqual({
			ok: true,
			scheme: 'legacy',
		});
		expect(got.headers['x-webhook-event']).toBe('message.received');
		expect(got.headers['x-webhook-subscription-id']).toBe(created.id);
	});

	test('tampered and stale deliveries fail verification; a resend repeats the same id and bytes', async () => {
		const created = await (await subscribe()).response.json();
		const verifier = new Webhook(created.signing_secret.replace(/^whsec_/, ''));
		const first = await fake.deliver(created.id);
		await fake.resend(first);
		await fake.deliver(created.id, messageEvent(), { mode: 'tampered' });
		await fake.deliver(created.id, messageEvent(), { mode: 'stale' });
		const [original, again, tampered, stale] = received;
		expect(again.body).toBe(original.body);
		expect(again.headers['webhook-id']).toBe(original.headers['webhook-id']);
		expect(() => verifier.verify(tampered.body, tampered.headers)).toThrow();
		expect(() => verifier.verify(stale.body, stale.headers)).toThrow();
	});
});

describe('the V3 contract every request is checked against (linqContract.js)', () => {
	test('every request the official SDK sends keeps it', async () => {
		const linq = new LinqSdk({ apiKey: fake.token, baseURL: fake.baseUrl, maxRetries: 0 });
		const [from, to] = ['+15550100001', '+15551230001'];
		const message = {
			parts: [
				{ type: 'text', value: 'Hi', text_decorations: [{ range: [0, 2], style: 'bold' }] },
				{ type: 'media', url: 'https://cdn.example.com/a.jpg' },
			],
			effect: { type: 'screen', name: 'confetti' },
			preferred_service: 'iMessage',
			idempotency_key: 'key-1',
		};
		const { chat } = await linq.chats.create({ from, to: [to], message });
		const { message: sent } = await linq.chats.messages.send(chat.id, { message });
		const slot = await linq.attachments.create({
			filename: 'a.png',
			content_type: 'image/png',
			size_bytes: 3,
		});
		const subscription = await linq.webhookSubscriptions.create({
			target_url: 'https://example.com/hook',
			subscribed_events: ['message.received'],
			phone_numbers: [from],
		});
		const calls = [
			() => linq.phoneNumbers.list(),
			() => linq.phonenumbers.list(),
			() => linq.phoneNumbers.update('pn_1', { forwarding_number: null }),
			() => linq.chats.listChats({ from, to, limit: 5 }),
			() => linq.chats.retrieve(chat.id),
			() => linq.chats.update(chat.id, { display_name: 'Ops' }),
			() => linq.chats.markAsRead(chat.id),
			() => linq.chats.shareContactCard(chat.id),
			() => linq.chats.typing.start(chat.id),
			() => linq.chats.typing.stop(chat.id),
			() => linq.chats.participants.add(chat.id, { handle: '+15551230002' }),
			() => linq.chats.participants.remove(chat.id, { handle: '+15551230002' }),
			() => linq.chats.sendVoicememo(chat.id, { attachment_id: slot.attachment_id }),
			() => linq.chats.location.request(chat.id),
			() => linq.chats.location.retrieve(chat.id),
			() => linq.chats.messages.list(chat.id, { limit: 10 }),
			() => linq.chats.leaveChat(chat.id),
			() => linq.messages.create({ to: [to], message, 'Idempotency-Key': 'key-2' }),
			() => linq.messages.retrieve(sent.id),
			() => linq.messages.update(sent.id, { text: 'Hello', part_index: 0 }),
			() => linq.messages.addReaction(sent.id, { operation: 'add', type: 'love', part_index: 0 }),
			() => linq.messages.listMessagesThread(sent.id, { order: 'asc', limit: 5 }),
			() => linq.messages.delete(sent.id),
			() => linq.attachments.retrieve(slot.attachment_id),
			() => linq.attachments.delete(slot.attachment_id),
			() => linq.capability.checkIMessage({ address: to, from }),
			() => linq.capability.checkRCS({ address: to }),
			() => linq.contactCard.create({ phone_number: from, first_name: 'Acme' }),
			() => linq.contactCard.retrieve({ phone_number: from }),
			() => linq.contactCard.update({ phone_number: from, last_name: 'Inc' }),
			() => linq.webhookEvents.list(),
			() => linq.webhookSubscriptions.list(),
			() => linq.webhookSubscriptions.retrieve(subscription.id),
			() => linq.webhookSubscriptions.update(subscription.id, { phone_numbers: null }),
			() => linq.webhookSubscriptions.delete(subscription.id),
		];
		for (const send of calls) {
			// The fake's own answer (a 404 for a deleted message, say) is not what is checked here.
			await send().catch(() => undefined);
		}
		expect(fake.calls().length).toBeGreaterThanOrEqual(calls.length + 4);
		expect(fake.calls().filter((request) => request.contractIssues)).toEqual([]);
	});

	test.each([
		[
			'an unknown field',
			'POST',
			'/v3/chats/c1/messages',
			{ message: { parts: [{ type: 'text', value: 'Hi' }] }, from: '+15550100001' },
			{ path: 'body', message: expect.stringContaining("'from'") },
		],
		[
			'a missing field',
			'POST',
			'/v3/messages',
			{ message: { parts: [{ type: 'text', value: 'Hi' }] } },
			{ path: 'body.to', message: 'Required' },
		],
		[
			'a wrong type',
			'PATCH',
			'/v3/messages/m1',
			{ text: 'Hi', part_index: '0' },
			{ path: 'body.part_index', message: expect.stringContaining('number') },
		],
		[
			'a value outside the list',
			'POST',
			'/v3/webhook-subscriptions',
			{ target_url: 'https://example.com/h', subscribed_events: ['message.recieved'] },
			{ path: 'body.subscribed_events[0]', message: expect.stringContaining('message.received') },
		],
		[
			'a body where there is none',
			'POST',
			'/v3/chats/c1/read',
			{},
			{ path: 'body', message: 'this endpoint takes no body' },
		],
	])('%s is answered 400 with the zod issue', async (_, method, path, body, issue) => {
		const response = await call(method, path, { body });
		expect(response.status).toBe(400);
		const answer = await response.json();
		expect(answer.message).toMatch(/^The request breaks the V3 contract: /);
		expect(answer.issues).toEqual([issue]);
		expect(fake.calls(method, path)[0].contractIssues).toEqual([issue]);
	});
});
