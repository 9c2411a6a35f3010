'use strict';
/**
 * Options → Pacing, measured on a fake clock (no wall time): sends spread at the chosen rate
 * with random gaps, and never more than 30 in 60 s for one sender–recipient pair, also with 10
 * items under way at once.
 */
const nock = require('nock');
const { Pacer, PAIR_LIMIT, pacingClock } = require('../../nodes/Linq/actions/common/pacing');
const { BASE_URL, createExecuteContext } = require('../support/harness');
const { Linq } = require('../../nodes/Linq/Linq.node');

afterEach(() => jest.restoreAllMocks());

/** A seeded generator, so every run draws the same gaps. */
function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/**
 * A clock that moves only when the test says so. `sleep` parks its caller; `advance` jumps to
 * the earliest parked wake-up and releases every caller due by then.
 */
function fakeClock(seed = 7) {
	let now = 1_000_000;
	const sleepers = [];
	return {
		now: () => now,
		random: seededRandom(seed),
		sleep: (ms) => new Promise((resolve) => sleepers.push({ at: now + ms, resolve })),
		sleeping: () => sleepers.length,
		advance() {
			sleepers.sort((a, b) => a.at - b.at);
			now = Math.max(now, sleepers[0].at);
			while (sleepers.length > 0 && sleepers[0].at <= now) sleepers.shift().resolve();
		},
	};
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Gaps between consecutive times, and the most sends of one window anywhere. */
function gaps(times) {
	return times.slice(1).map((time, i) => time - times[i]);
}
function busiestWindow(times, windowMs) {
	let most = 0;
	let start = 0;
	for (let end = 0; end < times.length; end++) {
		while (times[end] - times[start] >= windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

/**
 * 100 items through 10 workers that take the next item as the node's router does: each
 * reserves its turn, waits on the fake clock, then "sends" at the clock's time.
 */
async function runWorkers({ items = 100, workers = 10, perMinute, pairOf }) {
	const clock = fakeClock();
	const pacer = new Pacer(clock);
	const sent = [];
	let next = 0;
	let active = 0;
	const worker = async () => {
		while (next < items) {
			const index = next++;
			await pacer.wait(pairOf(index), perMinute);
			sent.push({ index, at: clock.now() });
		}
		active--;
	};
	active = workers;
	const done = Promise.all(Array.from({ length: workers }, worker));
	while (active > 0) {
		await settle();
		if (clock.sleeping() > 0) clock.advance();
	}
	await done;
	return sent;
}

describe('Pacer, 100 items and 10 at a time', () => {
	test('60 per minute to 100 different people: one send at a time, 0.5 to 1.5 s apart, about 99 s in all', async () => {
		const sent = await runWorkers({ perMinute: 60, pairOf: (i) => `to:+1555000${1000 + i}` });
		const times = sent.map((s) => s.at);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		const between = gaps(times);
		expect(Math.min(...between)).toBeGreaterThanOrEqual(500);
		expect(Math.max(...between)).toBeLessThanOrEqual(1500);
		expect(new Set(between.map((gap) => Math.round(gap / 100))).size).toBeGreaterThan(5);
		const span = times[99] - times[0];
		expect(span).toBeGreaterThan(99 * 1000 * 0.85);
		expect(span).toBeLessThan(99 * 1000 * 1.15);
		expect(sent.map((s) => s.index)).toEqual(Array.from({ length: 100 }, (_, i) => i));
	});

	test('600 per minute to one person: never more than 30 in any 60 s', async () => {
		const sent = await runWorkers({ perMinute: 600, pairOf: () => 'to:+15551230001' });
		const times = sent.map((s) => s.at);
		expect(busiestWindow(times, PAIR_LIMIT.windowMs)).toBe(30);
		// 100 sends at 30 per window need at least three full windows after the first burst.
		expect(times[99] - times[0]).toBeGreaterThanOrEqual(3 * PAIR_LIMIT.windowMs);
	});

	test('two people interleaved: each pair stays under its limit', async () => {
		const sent = await runWorkers({
			perMinute: 600,
			pairOf: (i) => (i % 2 === 0 ? 'chat:a' : 'chat:b'),
		});
		for (const parity of [0, 1]) {
			const times = sent.filter((s) => s.index % 2 === parity).map((s) => s.at);
			expect(busiestWindow(times, PAIR_LIMIT.windowMs)).toBeLessThanOrEqual(30);
		}
	});
});

describe('the node with Options → Pacing', () => {
	const CHAT = '550e8400-e29b-41d4-a716-446655440000';

	/** Runs Send in Chat for `count` items on a fake clock; returns the clock time of each send. */
	async function sendPaced({ count, options }) {
		const clock = fakeClock(11);
		jest.spyOn(pacingClock, 'now').mockImplementation(clock.now);
		jest.spyOn(pacingClock, 'random').mockImplementation(clock.random);
		jest.spyOn(pacingClock, 'sleep').mockImplementation(clock.sleep);
		const times = [];
		nock(BASE_URL)
			.persist()
			.post(`/v3/chats/${CHAT}/messages`)
			.reply(202, () => {
				times.push(clock.now());
				return { chat_id: CHAT };
			});
		const ctx = createExecuteContext({
			params: {
				resource: 'message',
				operation: 'sendInChat',
				chatId: { __rl: true, mode: 'id', value: CHAT },
				text: 'Your order is ready',
				link: '',
				options,
			},
			items: Array.from({ length: count }, () => ({ json: {} })),
		});
		let finished = false;
		const run = new Linq().execute.call(ctx).finally(() => {
			finished = true;
		});
		const inFlight = Math.min(options.concurrency ?? 1, count);
		while (!finished) {
			await new Promise((resolve) => setTimeout(resolve, 1));
			// Move the clock only when every item under way is waiting for its turn.
			if (clock.sleeping() > 0 && clock.sleeping() >= Math.min(inFlight, count - times.length)) {
				clock.advance();
			}
		}
		const [out] = await run;
		return { times, out };
	}

	test('100 items at 30 per minute, 10 at a time, one chat: spread out and within the pair limit', async () => {
		const { times, out } = await sendPaced({
			count: 100,
			options: { pacing: 30, concurrency: 10 },
		});
		expect(out).toHaveLength(100);
		expect(times).toHaveLength(100);
		const between = gaps(times);
		expect(Math.min(...between)).toBeGreaterThanOrEqual(1000);
		expect(busiestWindow(times, PAIR_LIMIT.windowMs)).toBeLessThanOrEqual(30);
		expect(times[99] - times[0]).toBeGreaterThanOrEqual(3 * PAIR_LIMIT.windowMs);
	});

	test('a cancelled execution stops waiting and sends nothing more', async () => {
		const sent = [];
		nock(BASE_URL)
			.persist()
			.post(`/v3/chats/${CHAT}/messages`)
			.reply(202, (_, body) => {
				sent.push(body);
				return { chat_id: CHAT };
			});
		const ctx = createExecuteContext({
			params: {
				resource: 'message',
				operation: 'sendInChat',
				chatId: { __rl: true, mode: 'id', value: CHAT },
				text: 'Hi',
				link: '',
				options: { pacing: 1 },
			},
			items: [{ json: {} }, { json: {} }],
		});
		// Cancelled while the second item waits for its slot: n8n aborts the execution's signal,
		// which also cancels any request in flight, so it must not be aborted before the first send.
		const controller = new AbortController();
		ctx.getExecutionCancelSignal = () => controller.signal;
		const sleep = pacingClock.sleep;
		jest.spyOn(pacingClock, 'sleep').mockImplementation(async (ms, signal) => {
			controller.abort(new Error('cancelled'));
			return await sleep(ms, signal);
		});
		await expect(new Linq().execute.call(ctx)).rejects.toThrow('cancelled');
		expect(sent).toHaveLength(1);
	});

	test('without Pacing nothing waits', async () => {
		const sleep = jest.spyOn(pacingClock, 'sleep');
		nock(BASE_URL).persist().post(`/v3/chats/${CHAT}/messages`).reply(202, { chat_id: CHAT });
		const ctx = createExecuteContext({
			params: {
				resource: 'message',
				operation: 'sendInChat',
				chatId: { __rl: true, mode: 'id', value: CHAT },
				text: 'Hi',
				link: '',
				options: { concurrency: 5 },
			},
			items: Array.from({ length: 20 }, () => ({ json: {} })),
		});
		const [out] = await new Linq().execute.call(ctx);
		expect(out).toHaveLength(20);
		expect(sleep).not.toHaveBeenCalled();
	});
});
