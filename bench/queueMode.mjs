/**
 * Benchmark 5: the Linq Trigger in n8n's queue mode (2 webhook processes + 2 workers, one
 * main, PostgreSQL and Redis, as test:queue starts them) against one regular-mode n8n process
 * on the same kind of PostgreSQL, on this machine. The same signed stream goes to each: split
 * across the webhook processes in queue mode, to the one process in regular mode, from
 * concurrent keep-alive senders. Events/s run from the first request to the last execution's
 * stop time; CPU is read from /proc for every n8n process group (each process with its task
 * runner). Then, in queue mode only, the duplicate counts of issue 16: redeliveries to the other
 * process 1 s later (one event at a time, and five at a time), and simultaneous copies.
 */
import { createRequire } from 'node:module';

import { groupCpuSeconds } from './lib/groupCpu.mjs';
import { postAll } from './lib/loopbackClient.mjs';
import { inboundStream } from './lib/signedStream.mjs';
import { percentile, round } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const { messageEvent } = require('../test/support/fakeLinq');
const { startLinqE2e } = require('../test/e2e/support/linqE2e.js');
const { triggerWorkflow } = require('../test/e2e/support/workflows.js');
const { waitFor } = require('../test/e2e/support/waitFor.js');
const { startQueueCluster } = require('../test/queue/support/queueCluster.js');
const { stopAll, stopOnSignals } = require('../test/queue/support/cleanup.js');
const { signedFor, postDelivery: post, pooled } = require('../test/queue/support/deliveries.js');

const SENDERS = Number(process.env.LINQ_BENCH_QUEUE_SENDERS) || 10;
const DUPLICATE_EVENTS = 20;
const WARM_UP = 20;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Executions of the workflow: how many, how many ended, the last stop time (ms). */
async function executionStats(cluster, workflowId) {
	let count = 0;
	let stopped = 0;
	let lastStop = 0;
	let cursor;
	do {
		const page = await cluster.api(
			'GET',
			`/executions?workflowId=${workflowId}&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
		);
		for (const execution of page.data) {
			count++;
			if (execution.stoppedAt) {
				stopped++;
				lastStop = Math.max(lastStop, Date.parse(execution.stoppedAt));
			}
		}
		cursor = page.nextCursor;
	} while (cursor);
	return { count, stopped, lastStop };
}

/**
 * Waits until at least `atLeast` executions exist, all ended, and the count held for 3 s; or,
 * when fewer ever arrive (deliveries answered without an execution), until nothing changed for
 * `giveUpMs`. Returns the stats either way: the caller reports what is missing.
 */
async function settle(cluster, workflowId, atLeast = 0, { giveUpMs = 60_000 } = {}) {
	let previous = -1;
	let steady = 0;
	let changedAt = Date.now();
	return await waitFor(
		async () => {
			const stats = await executionStats(cluster, workflowId);
			if (stats.count !== previous) changedAt = Date.now();
			const ended = stats.stopped === stats.count;
			steady = ended && stats.count === previous ? steady + 1 : 0;
			previous = stats.count;
			if (ended && steady >= 3 && stats.count >= atLeast) return stats;
			return ended && Date.now() - changedAt > giveUpMs ? stats : undefined;
		},
		{ timeoutMs: 900_000, intervalMs: 1_000, what: `${atLeast} executions to settle` },
	);
}

/** Sends `stream` split across `origins` (delivery i to origin i mod n) and times it. */
async function sendSplit(origins, path, stream) {
	const parts = origins.map((origin, at) => ({
		url: `${origin}${path}`,
		requests: stream.filter((_, index) => index % origins.length === at),
	}));
	const started = Date.now();
	const results = await Promise.all(
		parts.map((part) =>
			postAll(part.url, part.requests, { senders: Math.ceil(SENDERS / origins.length) }),
		),
	);
	const statuses = {};
	for (const result of results)
		for (const [status, count] of Object.entries(result.statuses))
			statuses[status] = (statuses[status] ?? 0) + count;
	return {
		started,
		statuses,
		latenciesMs: results.flatMap((result) => result.latenciesMs),
		httpSeconds: (Date.now() - started) / 1000,
	};
}

/** Executions started by `send()` (after the ones before it have settled). */
async function executionsStartedBy(cluster, workflowId, send) {
	const before = (await settle(cluster, workflowId)).count;
	await send();
	return (await settle(cluster, workflowId, before)).count - before;
}

async function duplicateCounts(cluster, workflowId, subscription, log) {
	const [a, b] = cluster.webhooks.map((webhook) => webhook.origin);
	const fresh = () =>
		Array.from({ length: DUPLICATE_EVENTS }, (_, index) =>
			signedFor(subscription, messageEvent({ text: `duplicate check ${index}` })),
		);
	const redelivered = (parallel) => async () => {
		const deliveries = fresh();
		await pooled(deliveries.length, parallel, async (index) => {
			const [first, second] = index % 2 === 0 ? [a, b] : [b, a];
			await post(first, deliveries[index]);
			await sleep(1_000);
			await post(second, deliveries[index]);
		});
	};
	const counts = {
		events: DUPLICATE_EVENTS,
		redeliveredOneAtATime: await executionsStartedBy(cluster, workflowId, redelivered(1)),
		redeliveredFiveAtATime: await executionsStartedBy(cluster, workflowId, redelivered(5)),
		simultaneous: await executionsStartedBy(cluster, workflowId, async () => {
			const deliveries = fresh();
			await pooled(deliveries.length, 2, (index) =>
				Promise.all([post(a, deliveries[index]), post(b, deliveries[index])]),
			);
		}),
	};
	log(
		`queue: duplicates, ${DUPLICATE_EVENTS} events each: redelivered 1 s later one at a time → ${counts.redeliveredOneAtATime} executions, five at a time → ${counts.redeliveredFiveAtATime}, both processes at once → ${counts.simultaneous}`,
	);
	return counts;
}

async function measureTopology({ regular, events, log }) {
	const booted = Date.now();
	const suite = await startLinqE2e({
		createN8n: (options) =>
			startQueueCluster({
				...options,
				regular,
				// Every execution stays countable; the same quiet log for both topologies.
				env: { ...options.env, EXECUTIONS_DATA_PRUNE: 'false', N8N_LOG_LEVEL: 'warn' },
			}),
	});
	try {
		const { fake, n8n: cluster } = suite;
		const name = regular ? 'regular' : 'queue';
		log(`${name}: up in ${round((Date.now() - booted) / 1000, 1)} s`);
		const workflow = await cluster.api(
			'POST',
			'/workflows',
			triggerWorkflow({
				name: `bench ${name}`,
				parameters: { events: ['message.received'], lines: [], options: {} },
				credentialId: suite.credentialId,
			}),
		);
		await cluster.api('POST', `/workflows/${workflow.id}/activate`);
		const [subscription] = await waitFor(
			() => (fake.subscriptions().length === 1 ? fake.subscriptions() : undefined),
			{ what: 'the subscription', timeoutMs: 120_000 },
		);
		const origins = regular ? [cluster.origin] : cluster.webhooks.map((w) => w.origin);
		const { path } = signedFor(subscription, messageEvent());
		for (const origin of origins) {
			await waitFor(async () => (await post(origin, { path, body: '{}', headers: {} })) === 401, {
				what: `${origin} to serve the webhook`,
			});
		}
		const secret = subscription.signing_secret;
		const stream = (count) =>
			inboundStream(secret, count, { subscriptionId: subscription.id }).map(
				({ body, headers }) => ({ body, headers }),
			);
		await sendSplit(origins, path, stream(WARM_UP));
		const warm = await settle(cluster, workflow.id, WARM_UP);
		if (warm.count !== WARM_UP)
			throw new Error(`${warm.count} executions for ${WARM_UP} warm-up events`);

		const pids = cluster.pids();
		const cpuBefore = groupCpuSeconds(pids);
		const sent = await sendSplit(origins, path, stream(events));
		const settled = await settle(cluster, workflow.id, WARM_UP + events);
		const cpuAfter = groupCpuSeconds(pids);
		const roleOf = (pid) =>
			pid === cluster.main.pid
				? 'main'
				: cluster.workers.some((w) => w.pid === pid)
					? 'workers'
					: 'webhook processes';
		const cpuSeconds = {};
		for (const pid of pids) {
			const role = roleOf(pid);
			cpuSeconds[role] = (cpuSeconds[role] ?? 0) + (cpuAfter[pid] ?? 0) - (cpuBefore[pid] ?? 0);
		}
		const totalCpu = Object.values(cpuSeconds).reduce((sum, value) => sum + value, 0);
		const completionSeconds = Math.max((settled.lastStop - sent.started) / 1000, sent.httpSeconds);
		const result = {
			processes: regular
				? '1 regular-mode process'
				: `1 main, ${cluster.workers.length} workers, ${cluster.webhooks.length} webhook processes`,
			deliveries: events,
			statuses: sent.statuses,
			executions: settled.count - WARM_UP,
			// Deliveries answered 200 that never became a stored execution.
			answeredWithoutExecution: (sent.statuses[200] ?? 0) - (settled.count - WARM_UP),
			completionSeconds: round(completionSeconds, 2),
			// Events that became executions, per second.
			eventsPerSecond: round((settled.count - WARM_UP) / completionSeconds, 1),
			p50Ms: round(percentile(sent.latenciesMs, 50), 1),
			p99Ms: round(percentile(sent.latenciesMs, 99), 1),
			cpuMsPerDelivery: round((totalCpu * 1000) / events, 1),
			cpuMsPerExecution: round((totalCpu * 1000) / Math.max(1, settled.count - WARM_UP), 1),
			cpuMsPerDeliveryByRole: Object.fromEntries(
				Object.entries(cpuSeconds).map(([role, seconds]) => [
					role,
					round((seconds * 1000) / events, 1),
				]),
			),
		};
		log(
			`${name}: ${result.eventsPerSecond} events/s (${result.executions}/${events} executions, HTTP statuses ${JSON.stringify(result.statuses)}, ${result.answeredWithoutExecution} answered 200 without an execution), p50 ${result.p50Ms} ms, n8n CPU ${result.cpuMsPerDelivery} ms per delivery ${JSON.stringify(result.cpuMsPerDeliveryByRole)}, ${result.cpuMsPerExecution} ms per execution`,
		);
		if (!regular)
			result.duplicates = await duplicateCounts(cluster, workflow.id, subscription, log);
		return result;
	} finally {
		await suite.dispose();
	}
}

export async function runQueueBench({ quick = false, log = console.log }) {
	const events = Number(process.env.LINQ_BENCH_QUEUE_EVENTS) || (quick ? 60 : 300);
	// run.mjs built dist/ already; the suite helpers only pack it.
	process.env.LINQ_E2E_SKIP_BUILD = '1';
	const removeHandlers = stopOnSignals(stopAll);
	try {
		const queue = await measureTopology({ regular: false, events, log });
		const regular = await measureTopology({ regular: true, events, log });
		const ratio = round(queue.eventsPerSecond / regular.eventsPerSecond, 2);
		log(`queue: ${ratio} × the events/s of one regular-mode process on this machine`);
		return { events, senders: SENDERS, queue, regular, ratio };
	} finally {
		removeHandlers();
	}
}
