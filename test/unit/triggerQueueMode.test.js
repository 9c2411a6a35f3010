'use strict';
/**
 * The trigger's static data where n8n really loads and saves it (test/support/n8nStaticData.js):
 * regular mode and queue mode, n8n 2.41.1 and 2.8.4. Each n8n process is its own copy of our
 * modules, so it has its own live dedupe state, as separate processes do.
 */
const { TEST_SIGNING_SECRET } = require('../support/harness');
const { PRODUCTION_URL, signDelivery } = require('../support/webhookContext');
const { messageEventV2 } = require('../support/linqEvents');
const { runExecution, takeCall, workflowRow, wrap } = require('../support/n8nStaticData');

const NODE_KEY = 'node:Linq Trigger';
const params = { events: ['message.received'], lines: [], options: {} };
const REGISTRATION = {
	id: 'sub_1',
	secret: TEST_SIGNING_SECRET,
	targetUrl: `${PRODUCTION_URL}?version=2026-02-03`,
	events: ['message.received'],
	lines: [],
	test: false,
};

function registeredRow() {
	return workflowRow({ [NODE_KEY]: { registrations: { [PRODUCTION_URL]: REGISTRATION } } });
}

/** A separate n8n process: our modules loaded afresh, so it shares no live state. */
function n8nProcess() {
	let Trigger;
	jest.isolateModules(() => {
		({ LinqTrigger: Trigger } = require('../../nodes/LinqTrigger/LinqTrigger.node'));
	});
	return new Trigger();
}

const deliveries = new Map();

/** Event `n`, signed once: a redelivery is the same request again, as Linq sends it. */
function event(n) {
	if (!deliveries.has(n)) {
		deliveries.set(n, signDelivery(messageEventV2({ messageId: `msg_${n}` }), { id: `wh_${n}` }));
	}
	return deliveries.get(n);
}

const SETUPS = [
	['queue mode, n8n 2.41.1', { version: '2.41.1', execution: 'worker' }],
	['queue mode, n8n 2.8.4', { version: '2.8.4', execution: 'worker' }],
	['regular mode, n8n 2.41.1', { version: '2.41.1', execution: 'regular' }],
	['regular mode, n8n 2.8.4', { version: '2.8.4', execution: 'regular' }],
];

describe("the trigger's step in the execution writes nothing", () => {
	test('a 2.41.1 worker: over empty static data, nothing is written and n8n has nothing to save', async () => {
		const row = registeredRow();
		const delivered = await takeCall(row, n8nProcess(), event('w'), { params }).run();
		expect(delivered.items).toBe(1);
		const before = row.stored();
		const savesBefore = row.saves;
		const items = [{ json: { event_type: 'message.received', webhook_id: 'wh_w', event_id: 'e' } }];
		const workflow = await runExecution(row, n8nProcess(), items, {
			version: '2.41.1',
			execution: 'worker',
		});
		expect(workflow.staticData.__dataChanged).toBe(false);
		expect(JSON.parse(JSON.stringify(workflow.staticData))).toEqual({});
		expect(row.saves).toBe(savesBefore);
		expect(row.stored()).toEqual(before);
	});

	test('the V2 (Legacy) trigger on a 2.41.1 worker writes nothing either', async () => {
		const {
			LinqV2LegacyTrigger,
		} = require('../../nodes/LinqV2LegacyTrigger/LinqV2LegacyTrigger.node');
		const row = registeredRow();
		const items = [{ json: { event_type: 'message.received', event_id: 'e' } }];
		const workflow = await runExecution(row, new LinqV2LegacyTrigger(), items, {
			version: '2.41.1',
			execution: 'worker',
		});
		expect(workflow.staticData.__dataChanged).toBe(false);
		expect(row.saves).toBe(0);
	});

	test('a 2.8.4 worker or a regular-mode run: the loaded copy is left unchanged', async () => {
		const row = registeredRow();
		const workflow = wrap(row, row.load());
		const items = [{ json: { event_type: 'message.received', webhook_id: 'wh_x', event_id: 'e' } }];
		await runExecution(row, n8nProcess(), items, { version: '2.8.4', execution: 'worker' });
		expect(workflow.staticData.__dataChanged).toBe(false);
		expect(row.saves).toBe(0);
	});
});

describe.each(SETUPS)('%s', (_, setup) => {
	const options = { params, ...setup };

	test('50 events delivered alternately to two processes: each starts once, and the secret survives', async () => {
		const row = registeredRow();
		const processes = [n8nProcess(), n8nProcess()];
		let started = 0;
		for (let n = 0; n < 50; n++) {
			const result = await takeCall(row, processes[n % 2], event(n), options).run();
			expect(result.status).toBe(200);
			started += result.items;
		}
		expect(started).toBe(50);
		expect(row.stored()[NODE_KEY].registrations).toEqual({ [PRODUCTION_URL]: REGISTRATION });
	});

	test('each event redelivered to the other process after it was answered starts nothing', async () => {
		const row = registeredRow();
		const processes = [n8nProcess(), n8nProcess()];
		let started = 0;
		for (let n = 0; n < 20; n++) {
			started += (await takeCall(row, processes[n % 2], event(n), options).run()).items;
			started += (await takeCall(row, processes[(n + 1) % 2], event(n), options).run()).items;
		}
		expect(started).toBe(20);
	});

	test('after a restart of every process, a saved event is still a duplicate', async () => {
		const row = registeredRow();
		expect((await takeCall(row, n8nProcess(), event('r'), options).run()).items).toBe(1);
		expect((await takeCall(row, n8nProcess(), event('r'), options).run()).items).toBe(0);
	});

	test('a stale copy saved by another process is repaired by the next write: the union survives', async () => {
		const row = registeredRow();
		const [a, b] = [n8nProcess(), n8nProcess()];
		// Both calls load the row before either saves; b saves last, without a's event.
		const first = takeCall(row, a, event('a1'), options);
		const second = takeCall(row, b, event('b1'), options);
		expect((await first.run()).items).toBe(1);
		expect((await second.run()).items).toBe(1);
		expect((await takeCall(row, a, event('a2'), options).run()).items).toBe(1);
		const fresh = n8nProcess();
		for (const n of ['a1', 'b1', 'a2']) {
			expect((await takeCall(row, fresh, event(n), options).run()).items).toBe(0);
		}
		expect(row.stored()[NODE_KEY].registrations).toEqual({ [PRODUCTION_URL]: REGISTRATION });
	});

	test('the same event at the same instant: at most one execution per process', async () => {
		const row = registeredRow();
		const [a, b] = [n8nProcess(), n8nProcess()];
		const calls = [a, a, b, b].map((process) => takeCall(row, process, event('same'), options));
		const results = await Promise.all(calls.map((call) => call.run()));
		const started = results.reduce((sum, result) => sum + result.items, 0);
		expect(started).toBeGreaterThanOrEqual(1);
		expect(started).toBeLessThanOrEqual(2);
		expect((await takeCall(row, n8nProcess(), event('same'), options).run()).items).toBe(0);
	});
});

describe('what is written, and when', () => {
	test('a duplicate and a filtered event write nothing; an emitted one writes once', async () => {
		const row = registeredRow();
		const trigger = n8nProcess();
		const options = { params, version: '2.41.1', execution: 'worker' };
		await takeCall(row, trigger, event('once'), options).run();
		expect(row.saves).toBe(1);
		await takeCall(row, trigger, event('once'), options).run();
		const outbound = signDelivery(messageEventV2({ direction: 'outbound' }));
		await takeCall(row, trigger, outbound, options).run();
		expect(row.saves).toBe(1);
	});
});
