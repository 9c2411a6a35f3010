/**
 * Benchmark 3: 1,000 items through the Linq node's Message → Send against the fake Linq server
 * with 50 ms of latency on every request. In process: the built node (dist/) runs in
 * test/support/harness.js's execute context, whose HTTP helpers make real HTTP requests
 * (axios, as n8n does) to the fake over 127.0.0.1. Concurrency 1 against the node's
 * Concurrency option at 5 and 10, alternating; then again at 10 with every tenth request
 * answered 429 (Retry-After: 0) or 500 (no Retry-After: the transport's own backoff, about
 * 1 s), checking that the fake received every message exactly once.
 */
import { createRequire } from 'node:module';

import { median, round, verdict } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
require('./lib/loadTypeScript.cjs').registerTypeScript();
const { createExecuteContext, defaultCredentials } = require('../test/support/harness.js');
const { startFakeLinq } = require('../test/support/fakeLinq');

const LATENCY_MS = 50;
const TARGET_SPEEDUP = 8;
const RECIPIENTS = Array.from(
	{ length: 50 },
	(_, index) => `+1555300${String(index).padStart(4, '0')}`,
);

const textOf = (run, index) => `Batch ${run} message ${index}`;

async function sendBatch(fake, { items, concurrency, run }) {
	// Loaded here, not at import: run.mjs builds dist/ first.
	const { Linq } = require('../dist/nodes/Linq/Linq.node.js');
	const ctx = createExecuteContext({
		params: (index) => ({
			resource: 'message',
			operation: 'send',
			to: RECIPIENTS[index % RECIPIENTS.length],
			text: textOf(run, index),
			options: { concurrency },
		}),
		items: Array.from({ length: items }, (_, index) => ({ json: { index } })),
		credentials: defaultCredentials({ apiToken: fake.token, baseUrl: fake.baseUrl }),
		executionId: `bench-${run}`,
	});
	const start = process.hrtime.bigint();
	const [output] = await new Linq().execute.call(ctx);
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	if (output.length !== items)
		throw new Error(`${run}: ${output.length} output items for ${items} inputs`);
	return seconds;
}

/** Latency on every request; with `faultEvery`, every n-th request fails, 429 and 500 in turn. */
function planLatency(fake, faultEvery) {
	let count = 0;
	fake.planFaults(() => {
		count++;
		if (!faultEvery || count % faultEvery !== 0) return { delayMs: LATENCY_MS };
		return (count / faultEvery) % 2 === 1
			? { delayMs: LATENCY_MS, status: 429, retryAfter: 0 }
			: { delayMs: LATENCY_MS, status: 500 };
	});
}

/** What the fake saw: every message stored once, one accepted request per idempotency key. */
function delivered(fake, run, items) {
	const sends = fake.calls('POST', '/v3/messages');
	const accepted = sends.filter((request) => request.status === 202);
	const keys = new Set(accepted.map((request) => request.headers['idempotency-key']));
	const texts = [...fake.state.messages.values()].map((message) => message.parts[0]?.value);
	const expected = new Set(Array.from({ length: items }, (_, index) => textOf(run, index)));
	return {
		requests: sends.length,
		answered429: sends.filter((request) => request.fault === 429).length,
		answered500: sends.filter((request) => request.fault === 500).length,
		accepted: accepted.length,
		distinctIdempotencyKeys: keys.size,
		storedMessages: texts.length,
		distinctTexts: new Set(texts).size,
		missing: [...expected].filter((text) => !texts.includes(text)).length,
		exactlyOnce:
			texts.length === items &&
			new Set(texts).size === items &&
			texts.every((text) => expected.has(text)) &&
			keys.size === items,
	};
}

export async function runBatchBench({ quick = false, log = console.log } = {}) {
	const items = quick ? 100 : 1_000;
	const rounds = quick ? 1 : 3;
	const levels = [1, 5, 10];
	const fake = await startFakeLinq();
	try {
		const seconds = { 1: [], 5: [], 10: [] };
		let run = 0;
		for (let round_ = 0; round_ < rounds; round_++) {
			const order = round_ % 2 === 0 ? levels : [...levels].reverse();
			for (const concurrency of order) {
				fake.reset();
				planLatency(fake, 0);
				run++;
				seconds[concurrency].push(await sendBatch(fake, { items, concurrency, run }));
				log(
					`batch: round ${round_ + 1} concurrency ${concurrency}: ${round(seconds[concurrency].at(-1), 2)} s`,
				);
			}
		}

		const faultRuns = [];
		for (let round_ = 0; round_ < rounds; round_++) {
			fake.reset();
			planLatency(fake, 10);
			run++;
			const elapsed = await sendBatch(fake, { items, concurrency: 10, run });
			faultRuns.push({ seconds: round(elapsed, 2), ...delivered(fake, run, items) });
			log(
				`batch: faults round ${round_ + 1} concurrency 10: ${round(elapsed, 2)} s, ${JSON.stringify(faultRuns.at(-1))}`,
			);
		}
		fake.planFaults(undefined);

		const medianOf = (level) => median(seconds[level]);
		const itemsPerSecond = (level) => round(items / medianOf(level), 1);
		const speedup10 = medianOf(1) / medianOf(10);
		const result = {
			items,
			rounds,
			latencyMs: LATENCY_MS,
			mode: 'in process: built node in test/support/harness.js context, real HTTP (axios) to the fake Linq server on 127.0.0.1',
			secondsMedian: {
				1: round(medianOf(1), 2),
				5: round(medianOf(5), 2),
				10: round(medianOf(10), 2),
			},
			seconds: Object.fromEntries(
				levels.map((level) => [level, seconds[level].map((value) => round(value, 2))]),
			),
			itemsPerSecond: { 1: itemsPerSecond(1), 5: itemsPerSecond(5), 10: itemsPerSecond(10) },
			speedup5: round(medianOf(1) / medianOf(5), 2),
			speedup10: round(speedup10, 2),
			target: `>= ${TARGET_SPEEDUP} x at concurrency 10`,
			met: speedup10 >= TARGET_SPEEDUP,
			faults: {
				every: 10,
				answers: '429 with Retry-After: 0 and 500 without Retry-After, in turn',
				secondsMedian: round(median(faultRuns.map((entry) => entry.seconds)), 2),
				runs: faultRuns,
				exactlyOnce: faultRuns.every((entry) => entry.exactlyOnce),
			},
		};
		log(
			`batch: ${items} sends, median ${result.secondsMedian[1]} s at 1, ${result.secondsMedian[5]} s at 5, ` +
				`${result.secondsMedian[10]} s at 10 → ${result.speedup5}x / ${result.speedup10}x, target ${result.target}: ${verdict(result.met)}`,
		);
		log(
			`batch with faults: median ${result.faults.secondsMedian} s at 10; every message exactly once: ${result.faults.exactlyOnce}`,
		);
		return result;
	} finally {
		await fake.close();
	}
}
