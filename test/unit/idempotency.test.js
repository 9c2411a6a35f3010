'use strict';
jest.mock('n8n-workflow', () => require('../support/sleep').mockWorkflow());

const nock = require('nock');
const { sleeps } = require('../support/sleep');
const { BASE_URL } = require('../support/harness');
const { runNode } = require('../support/oracle');
const { deriveIdempotencyKey } = require('../../nodes/shared/idempotency');

const CHAT = '550e8400-e29b-41d4-a716-446655440000';

afterEach(() => {
	sleeps.length = 0;
});

const send = {
	resource: 'message',
	operation: 'send',
	to: '+15551230001',
	text: 'Reminder: 3pm',
	options: {},
};

/** Runs the node and returns the key of every request it sent, header and body. */
async function keysOf(params, options) {
	const keys = [];
	nock(BASE_URL)
		.persist()
		.post('/v3/messages')
		.reply(202, function (_, body) {
			keys.push({
				header: this.req.headers['idempotency-key'],
				body: body.message.idempotency_key,
			});
			return { chat_id: CHAT };
		});
	await runNode(params, options);
	nock.cleanAll();
	return keys;
}

describe('derived idempotency keys', () => {
	test('the same execution, node, run and item give the same key; header and body agree', async () => {
		const first = await keysOf(send, { executionId: 'exec-77' });
		const again = await keysOf(send, { executionId: 'exec-77' });
		expect(first).toHaveLength(1);
		expect(first[0].header).toBe(first[0].body);
		expect(again).toEqual(first);
		expect(first[0].header).toBe(
			deriveIdempotencyKey({
				executionId: 'exec-77',
				nodeId: 'node-0001',
				runIndex: 0,
				itemIndex: 0,
			}),
		);
	});

	test('another item, execution or run gives another key', async () => {
		const items = await keysOf(send, {
			executionId: 'exec-77',
			items: [{ json: {} }, { json: {} }],
		});
		const otherExecution = await keysOf(send, { executionId: 'exec-78' });
		const otherRun = await keysOf(send, { executionId: 'exec-77', runIndex: 1 });
		const all = [items[0].header, items[1].header, otherExecution[0].header, otherRun[0].header];
		expect(new Set(all).size).toBe(4);
	});

	test("the user's key wins over the derived one", async () => {
		const keys = await keysOf({ ...send, options: { idempotencyKey: ' invoice-991 ' } });
		expect(keys).toEqual([{ header: 'invoice-991', body: 'invoice-991' }]);
	});

	test('Send in Chat and Create carry the derived key in the message', async () => {
		const bodies = [];
		nock(BASE_URL)
			.persist()
			.post(/.*/)
			.reply(200, (_, body) => {
				bodies.push(body.message.idempotency_key);
				return {};
			});
		await runNode({
			...send,
			operation: 'sendInChat',
			chatId: { __rl: true, mode: 'id', value: CHAT },
		});
		await runNode({ ...send, resource: 'chat', operation: 'create', from: '+15559990000' });
		const expected = deriveIdempotencyKey({
			executionId: 'exec-1001',
			nodeId: 'node-0001',
			runIndex: 0,
			itemIndex: 0,
		});
		expect(bodies).toEqual([expected, expected]);
	});
});

describe('retries never send twice', () => {
	test('a send answered 500 then 202 is sent twice with one key and yields one item', async () => {
		const seen = [];
		nock(BASE_URL)
			.post('/v3/messages')
			.times(2)
			.reply(function (_, body) {
				seen.push({ header: this.req.headers['idempotency-key'], body });
				return seen.length === 1
					? [500, { code: 3000, message: 'boom', trace_id: 't-1' }]
					: [202, { chat_id: CHAT, message: { id: 'm1' } }];
			});
		const out = await runNode(send);
		expect(seen).toHaveLength(2);
		expect(seen[1]).toEqual(seen[0]);
		expect(seen[0].header).toBe(seen[0].body.message.idempotency_key);
		expect(sleeps).toHaveLength(1);
		expect(out).toEqual([
			{
				json: { chat_id: CHAT, message: { id: 'm1' }, sms: expect.any(Object) },
				pairedItem: { item: 0 },
			},
		]);
	});

	test("n8n's Retry On Fail re-runs the item with the same key", async () => {
		const seen = [];
		nock(BASE_URL)
			.post('/v3/messages')
			.reply(function () {
				seen.push(this.req.headers['idempotency-key']);
				return [400, { code: 1001, message: 'bad', trace_id: 't-2' }];
			})
			.post('/v3/messages')
			.reply(function () {
				seen.push(this.req.headers['idempotency-key']);
				return [202, { chat_id: CHAT }];
			});
		await expect(runNode(send)).rejects.toThrow(/400/);
		await runNode(send);
		expect(seen).toHaveLength(2);
		expect(seen[1]).toBe(seen[0]);
	});
});
