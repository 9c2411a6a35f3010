'use strict';
jest.mock('n8n-workflow', () => require('../support/sleep').mockWorkflow());

const nock = require('nock');
const { sleeps } = require('../support/sleep');
const { BASE_URL, runInWorkflow } = require('../support/harness');
const { runNode } = require('../support/oracle');

const CHAT = '550e8400-e29b-41d4-a716-446655440000';
const MESSAGE = '69a37c7d-af4f-4b5e-af42-e28e98ce873a';

afterEach(() => {
	sleeps.length = 0;
});

const items = (count) => Array.from({ length: count }, (_, index) => ({ json: { index } }));
const perItem = (count, make) => {
	const list = Array.from({ length: count }, (_, index) => make(index));
	return (itemIndex) => list[itemIndex];
};

// These run in n8n-core's WorkflowExecute, so n8n's own On Error handling and output checks apply.
describe('continueOnFail', () => {
	test('an API failure becomes an { error } item paired with its input, the others go on', async () => {
		nock(BASE_URL)
			.get('/v3/messages/m0')
			.reply(200, { id: 'm0' })
			.get('/v3/messages/m1')
			.reply(404, { code: 2001, message: 'Message not found', trace_id: 'trace-404' })
			.get('/v3/messages/m2')
			.reply(200, { id: 'm2' });
		const { output: out, error } = await runInWorkflow({
			params: perItem(3, (index) => ({
				resource: 'message',
				operation: 'get',
				messageId: `m${index}`,
			})),
			items: items(3),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(out).toHaveLength(3);
		expect(out[0]).toEqual({ json: { id: 'm0' }, pairedItem: { item: 0 } });
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[1].json.error).toMatch(/404/);
		expect(out[1].json.error).toContain('Message not found');
		expect(out[1].json.errorDescription).toContain('trace-404');
		expect(out[2]).toEqual({ json: { id: 'm2' }, pairedItem: { item: 2 } });
	});

	test('a local validation failure becomes an { error } item and sends nothing for that item', async () => {
		const paths = [];
		nock(BASE_URL)
			.persist()
			.post(`/v3/chats/${CHAT}/messages`)
			.reply(200, (uri, body) => {
				paths.push(body.message.parts[0].value);
				return { chat_id: CHAT };
			});
		const { output: out } = await runInWorkflow({
			params: perItem(3, (index) => ({
				resource: 'message',
				operation: 'sendInChat',
				chatId: { __rl: true, mode: 'id', value: CHAT },
				text: index === 1 ? '' : `hello ${index}`,
				options: {},
			})),
			items: items(3),
			continueOnFail: true,
		});
		expect(paths).toEqual(['hello 0', 'hello 2']);
		expect(out[1]).toEqual({
			json: expect.objectContaining({ error: expect.stringContaining('Text') }),
			pairedItem: { item: 1 },
		});
		expect(out[1].json.errorDescription).toContain('item 1');
	});

	test('expressions in the parameters are resolved by n8n per item', async () => {
		const texts = [];
		nock(BASE_URL)
			.persist()
			.post(`/v3/chats/${CHAT}/messages`)
			.reply(200, (uri, body) => {
				texts.push(body.message.parts[0].value);
				return { chat_id: CHAT };
			});
		const { output } = await runInWorkflow({
			params: {
				resource: 'message',
				operation: 'sendInChat',
				chatId: { __rl: true, mode: 'id', value: '={{ $json.chat }}' },
				text: '=Order {{ $json.order }}: {{ $json.status.toUpperCase() }}',
				options: {},
			},
			items: [
				{ json: { chat: CHAT, order: 17, status: 'shipped' } },
				{ json: { chat: CHAT, order: 18, status: 'delayed' } },
			],
		});
		expect(texts).toEqual(['Order 17: SHIPPED', 'Order 18: DELAYED']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('without continueOnFail the first failing item stops the node', async () => {
		nock(BASE_URL).get('/v3/messages/m0').reply(404, { code: 2001, message: 'gone' });
		const { output, error, run } = await runInWorkflow({
			params: { resource: 'message', operation: 'get', messageId: 'm0' },
			items: items(1),
		});
		expect(run.status).toBe('error');
		expect(output).toBeUndefined();
		expect(error).toMatchObject({ context: expect.objectContaining({ itemIndex: 0 }) });
	});
});

describe('concurrency', () => {
	const sendParams = (concurrency) =>
		perItem(10, (index) => ({
			resource: 'message',
			operation: 'send',
			to: `+1555123${String(index).padStart(4, '0')}`,
			text: `Reminder ${index}`,
			options: { concurrency },
		}));

	/** Answers each send after a delay that shrinks with the item, so later items finish first. */
	function delayedApi(counter) {
		nock(BASE_URL)
			.persist()
			.post('/v3/messages')
			.reply((uri, body, callback) => {
				counter.inFlight++;
				counter.max = Math.max(counter.max, counter.inFlight);
				const index = Number(body.message.parts[0].value.split(' ')[1]);
				setTimeout(
					() => {
						counter.inFlight--;
						callback(null, [202, { to: body.to, text: body.message.parts[0].value }]);
					},
					5 + (10 - index) * 3,
				);
			});
	}

	test('N=5 overlaps requests, keeps input order and pairedItem', async () => {
		const counter = { inFlight: 0, max: 0 };
		delayedApi(counter);
		const out = await runNode(sendParams(5), { items: items(10) });
		expect(out.map((item) => item.json.text)).toEqual(items(10).map((_, i) => `Reminder ${i}`));
		expect(out.map((item) => item.pairedItem)).toEqual(items(10).map((_, i) => ({ item: i })));
		expect(counter.max).toBeGreaterThan(1);
		expect(counter.max).toBeLessThanOrEqual(5);
	});

	test('the default of 1 sends one at a time', async () => {
		const counter = { inFlight: 0, max: 0 };
		delayedApi(counter);
		const out = await runNode(sendParams(undefined), { items: items(10) });
		expect(out).toHaveLength(10);
		expect(counter.max).toBe(1);
	});

	test('a 429 under concurrency backs off and neither loses nor duplicates a send', async () => {
		const attempts = new Map();
		const delivered = new Map();
		nock(BASE_URL)
			.persist()
			.post('/v3/messages')
			.reply(function (uri, body) {
				const key = this.req.headers['idempotency-key'];
				attempts.set(key, (attempts.get(key) ?? 0) + 1);
				const index = Number(body.message.parts[0].value.split(' ')[1]);
				if (index % 3 === 0 && attempts.get(key) === 1) {
					return [429, { code: 1007, message: 'Too many requests' }, { 'Retry-After': '2' }];
				}
				delivered.set(key, (delivered.get(key) ?? 0) + 1);
				return [202, { text: body.message.parts[0].value }];
			});
		const out = await runNode(sendParams(5), { items: items(10) });
		expect(out.map((item) => item.json.text)).toEqual(items(10).map((_, i) => `Reminder ${i}`));
		expect(attempts.size).toBe(10);
		expect([...delivered.values()]).toEqual(Array(10).fill(1));
		expect([...attempts.values()].filter((count) => count === 2)).toHaveLength(4);
		expect(sleeps).toEqual([2000, 2000, 2000, 2000]);
	});

	test('operations that are not sends ignore the concurrency option', async () => {
		const counter = { inFlight: 0, max: 0 };
		nock(BASE_URL)
			.persist()
			.get(/\/v3\/messages\/.*/)
			.reply((uri, body, callback) => {
				counter.inFlight++;
				counter.max = Math.max(counter.max, counter.inFlight);
				setTimeout(() => {
					counter.inFlight--;
					callback(null, [200, { id: MESSAGE }]);
				}, 5);
			});
		await runNode(
			perItem(4, () => ({
				resource: 'message',
				operation: 'get',
				messageId: MESSAGE,
				options: { concurrency: 5 },
			})),
			{ items: items(4) },
		);
		expect(counter.max).toBe(1);
	});
});

describe('what an operation returns', () => {
	test('an API object with its own json and binary fields stays the item json, whole', async () => {
		const answer = { id: 'm1', json: { note: 'a field of the API object' }, binary: 'no file' };
		nock(BASE_URL).get('/v3/messages/m1').reply(200, answer);
		const out = await runNode({ resource: 'message', operation: 'get', messageId: 'm1' });
		expect(out).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});
});
