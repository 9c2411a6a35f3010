'use strict';
/**
 * The trigger's dedupe state under n8n's static data semantics: every webhook call and every
 * execution gets its own copy of the workflow's static data, loaded from the database, and
 * saving a copy replaces what the database held (last writer wins). The Db double below does
 * exactly that; a repeated event must still never start a workflow twice.
 */
const nock = require('nock');
const { LinqTrigger } = require('../../nodes/LinqTrigger/LinqTrigger.node');
const {
	KEY_CHARS,
	MAX_LIVE_STATES,
	liveDedupeStateCount,
} = require('../../nodes/shared/delivery/dedupe');
const { BASE_URL, TEST_SIGNING_SECRET } = require('../support/harness');
const {
	DELIVERY_PARAMS: params,
	TEST_URL,
	createTriggerContext,
	emitted: emittedItems,
	registeredStaticData,
	signDelivery,
} = require('../support/webhookContext');
const { messageEventV2 } = require('../support/linqEvents');

const NODE_KEY = 'node:Linq Trigger';
let workflowCount = 0;

function registered(id = 'sub_1') {
	return registeredStaticData(TEST_SIGNING_SECRET, id);
}

function clone(value) {
	return JSON.parse(JSON.stringify(value));
}

/** One workflow's row in n8n's database: each load is a fresh copy, each save replaces it. */
function workflowDb(staticData = registered()) {
	workflowCount += 1;
	let saved = clone(staticData);
	return {
		id: `wf-shared-${workflowCount}`,
		load: () => clone(saved),
		save(copy) {
			saved = clone(copy);
		},
		saved: () => saved,
	};
}

/** A webhook call as n8n makes it: its own static data copy, loaded before it runs. */
function call(
	db,
	delivery,
	{ trigger = new LinqTrigger(), mode = 'webhook', staticData = db.load() } = {},
) {
	const ctx = createTriggerContext({
		params,
		staticData,
		request: delivery,
		workflowId: db.id,
		mode,
	});
	return {
		staticData,
		run: () => trigger.webhook.call(ctx),
		save: () => db.save(staticData),
	};
}

function emitted(result) {
	return emittedItems(result).length;
}

async function deliverAndSave(db, delivery, options) {
	const one = call(db, delivery, options);
	const result = await one.run();
	one.save();
	return emitted(result);
}

/** An n8n process started afresh: node modules loaded again, so no live state survives. */
function restartedTrigger() {
	let Restarted;
	jest.isolateModules(() => {
		({ LinqTrigger: Restarted } = require('../../nodes/LinqTrigger/LinqTrigger.node'));
	});
	return new Restarted();
}

describe('concurrent calls, each with its own static data copy', () => {
	test.each([
		['first to last', (calls) => calls],
		['last to first', (calls) => [...calls].reverse()],
	])(
		'the same event delivered twice at once emits once, whichever save lands last (%s)',
		async (_, order) => {
			const db = workflowDb();
			const delivery = signDelivery(messageEventV2(), { id: 'msg_twice' });
			const calls = [call(db, delivery), call(db, delivery)];
			const results = await Promise.all(calls.map((one) => one.run()));
			for (const one of order(calls)) one.save();
			expect(results.map(emitted).sort()).toEqual([0, 1]);
			expect(await deliverAndSave(db, delivery)).toBe(0);
		},
	);

	test('an event seen by call A is a duplicate for call B, whose copy was loaded before A ran', async () => {
		const db = workflowDb();
		const delivery = signDelivery(messageEventV2(), { id: 'msg_a' });
		const b = call(db, delivery);
		expect(await deliverAndSave(db, delivery)).toBe(1);
		expect(emitted(await b.run())).toBe(0);
		b.save();
	});

	test('20 senders redelivering 60 events at once: each event emits exactly once', async () => {
		const db = workflowDb();
		const events = Array.from({ length: 60 }, (_, n) =>
			signDelivery(messageEventV2({ messageId: `msg_${n}` }), { id: `wh_${n}` }),
		);
		const wave = (deliveries) => deliveries.map((delivery) => call(db, delivery));
		const first = wave(events.slice(0, 20));
		const rest = [];
		for (let n = 20; n < 60; n += 20)
			rest.push(wave([...events.slice(n, n + 20), ...events.slice(n - 20, n)]));
		let emissions = 0;
		for (const calls of [first, ...rest]) {
			const results = await Promise.all(calls.map((one) => one.run()));
			emissions += results.reduce((sum, result) => sum + emitted(result), 0);
			for (const one of [...calls].reverse()) one.save();
		}
		expect(emissions).toBe(60);
		const redeliveries = await Promise.all(wave(events).map((one) => one.run()));
		expect(redeliveries.map(emitted)).toEqual(new Array(60).fill(0));
	});

	test('the static data each call writes holds every key the process has seen', async () => {
		const db = workflowDb();
		const calls = [1, 2, 3].map((n) =>
			call(db, signDelivery(messageEventV2(), { id: `msg_all_${n}` })),
		);
		await Promise.all(calls.map((one) => one.run()));
		calls[2].save();
		const trigger = restartedTrigger();
		for (const n of [1, 2, 3]) {
			expect(
				await deliverAndSave(db, signDelivery(messageEventV2(), { id: `msg_all_${n}` }), {
					trigger,
				}),
			).toBe(0);
		}
	});

	test('the same event in two workflows emits in each', async () => {
		const delivery = signDelivery(messageEventV2(), { id: 'msg_two_workflows' });
		expect(await deliverAndSave(workflowDb(), delivery)).toBe(1);
		expect(await deliverAndSave(workflowDb(), delivery)).toBe(1);
	});
});

describe('across restarts, through static data', () => {
	test('a saved event is still a duplicate after a restart', async () => {
		const db = workflowDb();
		const delivery = signDelivery(messageEventV2(), { id: 'msg_before_restart' });
		expect(await deliverAndSave(db, delivery)).toBe(1);
		expect(await deliverAndSave(db, delivery, { trigger: restartedTrigger() })).toBe(0);
	});

	test('keys another process saved meanwhile are merged into the live state', async () => {
		const db = workflowDb();
		expect(await deliverAndSave(db, signDelivery(messageEventV2(), { id: 'msg_here' }))).toBe(1);
		const elsewhere = signDelivery(messageEventV2(), { id: 'msg_elsewhere' });
		expect(await deliverAndSave(db, elsewhere, { trigger: restartedTrigger() })).toBe(1);
		expect(await deliverAndSave(db, elsewhere)).toBe(0);
		const saved = db.saved()[NODE_KEY].dedupe;
		// Two events, each remembered by its webhook-id and its event_id.
		expect(saved.g.reduce((sum, generation) => sum + generation.k.length / KEY_CHARS, 0)).toBe(4);
	});
});

describe('the live states are bounded', () => {
	/** n8n runs the delete hook in mode "internal", for test listens and deactivation alike. */
	function hook(db) {
		return createTriggerContext({
			params,
			staticData: db.load(),
			workflowId: db.id,
			mode: 'internal',
		});
	}

	test("delete removes the registration's live state", async () => {
		const db = workflowDb();
		const delivery = signDelivery(messageEventV2(), { id: 'msg_unsaved' });
		expect(emitted(await call(db, delivery).run())).toBe(1);
		expect(emitted(await call(db, delivery).run())).toBe(0);
		const before = liveDedupeStateCount();

		nock(BASE_URL).delete('/v3/webhook-subscriptions/sub_1').reply(204);
		await new LinqTrigger().webhookMethods.default.delete.call(hook(db));
		expect(liveDedupeStateCount()).toBe(before - 1);
		// Nothing was saved, so only the forgotten live state knew the event.
		expect(emitted(await call(db, delivery).run())).toBe(1);
	});

	test('a recreated subscription starts a new live state, seeded from static data', async () => {
		const db = workflowDb();
		const unsaved = signDelivery(messageEventV2(), { id: 'msg_old_subscription' });
		const saved = signDelivery(messageEventV2(), { id: 'msg_saved' });
		expect(await deliverAndSave(db, saved)).toBe(1);
		expect(emitted(await call(db, unsaved).run())).toBe(1);

		db.save({
			[NODE_KEY]: { ...registered('sub_2')[NODE_KEY], dedupe: db.saved()[NODE_KEY].dedupe },
		});
		expect(emitted(await call(db, unsaved).run())).toBe(1);
		expect(emitted(await call(db, saved).run())).toBe(0);
	});

	test('ending a test listen drops the test live state and keeps the production one', async () => {
		const staticData = registered();
		staticData[NODE_KEY].registrations[TEST_URL] = {
			id: 'sub_test',
			secret: TEST_SIGNING_SECRET,
			targetUrl: `${TEST_URL}?version=2026-02-03`,
			events: ['message.received'],
			lines: [],
			test: true,
		};
		const db = workflowDb(staticData);
		const delivery = signDelivery(messageEventV2(), { id: 'msg_kind' });
		expect(emitted(await call(db, delivery).run())).toBe(1);
		expect(emitted(await call(db, delivery, { mode: 'manual' }).run())).toBe(1);
		expect(emitted(await call(db, delivery, { mode: 'manual' }).run())).toBe(0);

		nock(BASE_URL).delete('/v3/webhook-subscriptions/sub_test').reply(204);
		const ended = createTriggerContext({
			params,
			staticData: db.load(),
			workflowId: db.id,
			mode: 'internal',
			webhookUrl: TEST_URL,
		});
		await new LinqTrigger().webhookMethods.default.delete.call(ended);
		expect(emitted(await call(db, delivery).run())).toBe(0);
		expect(emitted(await call(db, delivery, { mode: 'manual' }).run())).toBe(1);
	});

	test(`many registrations keep at most ${MAX_LIVE_STATES} live states, dropping the least recently used`, async () => {
		const trigger = new LinqTrigger();
		const kept = workflowDb();
		const dropped = workflowDb();
		const keptEvent = signDelivery(messageEventV2(), { id: 'msg_kept' });
		const droppedEvent = signDelivery(messageEventV2(), { id: 'msg_dropped' });
		expect(emitted(await call(dropped, droppedEvent, { trigger }).run())).toBe(1);
		expect(emitted(await call(kept, keptEvent, { trigger }).run())).toBe(1);
		for (let n = 0; n < MAX_LIVE_STATES + 200; n++) {
			if (n % 100 === 0) expect(emitted(await call(kept, keptEvent, { trigger }).run())).toBe(0);
			await call(workflowDb(), signDelivery(messageEventV2()), { trigger }).run();
		}
		expect(liveDedupeStateCount()).toBe(MAX_LIVE_STATES);
		expect(emitted(await call(kept, keptEvent, { trigger }).run())).toBe(0);
		// Never saved, so once its live state was dropped the event is new again.
		expect(emitted(await call(dropped, droppedEvent, { trigger }).run())).toBe(1);
	});
});
