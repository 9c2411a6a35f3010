/**
 * Benchmark 1: the Linq Trigger against n8n's own Webhook node in one real n8n (the pinned
 * version the e2e suite uses, with our packed tarball installed like a community package).
 * Both workflows are active side by side and get the same signed deliveries from 20
 * concurrent senders, in alternating order. Executions are counted in n8n's SQLite database.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

import { cleanUpOnInterrupt } from './lib/interrupt.mjs';
import { postAll } from './lib/loopbackClient.mjs';
import { inboundStream, realisticStream } from './lib/signedStream.mjs';
import { median, percentile, round, verdict } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const { startFakeLinq } = require('../test/support/fakeLinq');
const { createInstance } = require('../test/e2e/support/n8nInstance.js');
const { createBenchTrigger } = require('../test/e2e/support/workflows.js');
const { waitFor } = require('../test/e2e/support/waitFor.js');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SENDERS = 20;
const TARGET_RATIO = 0.95;
const WEBHOOK_PATH = 'linq-bench-webhook';

/** What a user would otherwise build: n8n's Webhook node answering as soon as it receives. */
export function webhookNodeWorkflow(path = WEBHOOK_PATH) {
	return {
		name: 'bench Webhook node',
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					httpMethod: 'POST',
					path,
					responseMode: 'onReceived',
					options: {},
				},
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** A long-lived reader of n8n's database (node:sqlite needs the runtime's Node 24). */
export function startExecutionCounter(runtime, userFolder) {
	const child = spawn(
		runtime.nodeBin,
		[
			'--no-warnings',
			path.join(HERE, 'lib', 'executionCounter.cjs'),
			path.join(userFolder, '.n8n', 'database.sqlite'),
			path.join(runtime.dir, 'node_modules', 'flatted'),
		],
		{
			stdio: ['pipe', 'pipe', 'inherit'],
		},
	);
	const answers = [];
	const waiting = [];
	readline.createInterface({ input: child.stdout }).on('line', (line) => {
		const answer = JSON.parse(line);
		const resolve = waiting.shift();
		if (resolve) resolve(answer);
		else answers.push(answer);
	});
	const ask = (question) =>
		new Promise((resolve, reject) => {
			waiting.push((answer) => (answer.error ? reject(new Error(answer.error)) : resolve(answer)));
			child.stdin.write(`${JSON.stringify(question)}\n`);
		});
	return {
		highestId: async () => (await ask({})).maxId,
		executions: (workflowId, afterId) => ask({ workflowId, afterId }),
		staticDataBytes: async (workflowId) =>
			(await ask({ staticDataOf: workflowId })).staticDataBytes,
		/** `{ staticDataBytes, dedupeKeys, seenKeys }` of the workflow's saved static data. */
		staticData: (workflowId) => ask({ staticDataOf: workflowId }),
		/** `{ executions, withItems }`: executions after `afterId` in which `node` put out items. */
		nodeOutputs: (workflowId, afterId, node) => ask({ outputsOf: workflowId, afterId, node }),
		stop: () => {
			child.stdin.end();
			child.kill('SIGTERM');
		},
	};
}

/** n8n stores times as UTC 'YYYY-MM-DD HH:MM:SS.mmm'. */
const sqliteTime = (value) =>
	Date.parse(`${String(value).replace(' ', 'T')}${String(value).endsWith('Z') ? '' : 'Z'}`);

/**
 * Sends `stream` to `url` and waits until n8n has stored and finished every execution it
 * started (no new ones for a few polls). Events/s run from the first request to the last
 * execution's stop time.
 */
export async function measure({ counter, workflowId, url, stream, expected, senders = SENDERS }) {
	const afterId = await counter.highestId();
	const sent = await postAll(url, stream, { senders });
	const accepted = sent.statuses[200] ?? 0;
	let previous = -1;
	let steady = 0;
	const settled = await waitFor(
		async () => {
			const now = await counter.executions(workflowId, afterId);
			const done =
				now.started === now.stopped &&
				(expected === undefined || now.started >= Math.min(expected, accepted));
			steady = done && now.started === previous ? steady + 1 : 0;
			previous = now.started;
			return steady >= 3 ? now : undefined;
		},
		{ timeoutMs: 300_000, intervalMs: 500, what: `the executions of ${stream.length} deliveries` },
	);
	const completionSeconds = settled.lastStop
		? (sqliteTime(settled.lastStop) - sent.started) / 1000
		: sent.seconds;
	return {
		deliveries: stream.length,
		statuses: sent.statuses,
		httpSeconds: round(sent.seconds, 2),
		completionSeconds: round(Math.max(completionSeconds, sent.seconds), 2),
		executionsStarted: settled.started,
		executionsSucceeded: settled.succeeded,
		p50Ms: round(percentile(sent.latenciesMs, 50), 1),
		p99Ms: round(percentile(sent.latenciesMs, 99), 1),
	};
}

function summarise(runs) {
	const eventsPerSecond = runs.map((run) => run.deliveries / run.completionSeconds);
	return {
		eventsPerSecond: round(median(eventsPerSecond), 1),
		httpEventsPerSecond: round(median(runs.map((run) => run.deliveries / run.httpSeconds)), 1),
		p50Ms: round(median(runs.map((run) => run.p50Ms)), 1),
		p99Ms: round(median(runs.map((run) => run.p99Ms)), 1),
		runs,
	};
}

/** `LINQ_BENCH_N8N_ENV="NAME=value,NAME2=value"`: n8n settings for a diagnostic run. */
export function n8nSettingsFromEnv() {
	const entries = (process.env.LINQ_BENCH_N8N_ENV ?? '').split(',').filter(Boolean);
	return Object.fromEntries(
		entries.map((entry) => [
			entry.slice(0, entry.indexOf('=')),
			entry.slice(entry.indexOf('=') + 1),
		]),
	);
}

export async function runTriggerBench({ pack, quick = false, log = console.log }) {
	const extraEnv = n8nSettingsFromEnv();
	const events = Number(process.env.LINQ_BENCH_EVENTS) || (quick ? 200 : 2_000);
	const rounds = Number(process.env.LINQ_BENCH_ROUNDS) || (quick ? 1 : 3);
	const fake = await startFakeLinq();
	let n8n;
	let counter;
	const release = cleanUpOnInterrupt(async () => {
		counter?.stop();
		await n8n?.dispose();
	});
	try {
		const booted = Date.now();
		n8n = await createInstance({
			tarball: pack.tarball,
			// Keep every execution of the run countable, and the log quiet for both workflows alike.
			env: { EXECUTIONS_DATA_PRUNE: 'false', N8N_LOG_LEVEL: 'warn', ...extraEnv },
		});
		log(
			`trigger: n8n ${n8n.runtime.n8nVersion} on Node ${n8n.runtime.nodeVersion} ready in ${round((Date.now() - booted) / 1000, 1)} s`,
		);
		const ours = await createBenchTrigger(n8n, fake);
		const theirs = await n8n.api('POST', '/workflows', webhookNodeWorkflow());
		await n8n.api('POST', `/workflows/${ours.id}/activate`);
		await n8n.api('POST', `/workflows/${theirs.id}/activate`);
		const [subscription] = await waitFor(
			() => (fake.subscriptions().length === 1 ? fake.subscriptions() : undefined),
			{
				what: 'the Linq Trigger to create its subscription',
				timeoutMs: 120_000,
			},
		);
		const secret = subscription.signing_secret;
		const targets = {
			ours: subscription.target_url,
			theirs: `${n8n.origin}/webhook/${WEBHOOK_PATH}`,
		};
		// Activation is asynchronous: an unsigned probe is refused (401) once our webhook is live.
		await waitFor(
			async () =>
				(
					await fetch(targets.ours, {
						method: 'POST',
						body: '{}',
						signal: AbortSignal.timeout(10_000),
					})
				).status === 401,
			{
				what: 'the Linq Trigger webhook to be live',
			},
		);
		await waitFor(
			async () =>
				(await n8n.request('POST', `/webhook/${WEBHOOK_PATH}`, { body: {} })).status === 200,
			{
				what: 'the Webhook node workflow to be active',
			},
		);
		counter = startExecutionCounter(n8n.runtime, n8n.userFolder);
		const workflowIds = { ours: ours.id, theirs: theirs.id };
		const options = { subscriptionId: subscription.id };

		// Warm-up, not measured: both paths loaded and compiled.
		for (const side of ['ours', 'theirs']) {
			await measure({
				counter,
				workflowId: workflowIds[side],
				url: targets[side],
				stream: inboundStream(secret, 50, options),
				expected: 50,
			});
		}

		const clean = { ours: [], theirs: [] };
		for (let index = 0; index < rounds; index++) {
			const stream = inboundStream(secret, events, options);
			const order = index % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours'];
			for (const side of order) {
				const run = await measure({
					counter,
					workflowId: workflowIds[side],
					url: targets[side],
					stream,
					expected: events,
				});
				clean[side].push(run);
				run.staticDataBytesAfter = await counter.staticDataBytes(workflowIds[side]);
				log(`trigger: round ${index + 1} ${side}: ${JSON.stringify(run)}`);
			}
		}

		const realistic = {};
		const stream = realisticStream(secret, events, options);
		const useful = stream.filter((delivery) => delivery.kind === 'inbound').length;
		for (const side of ['theirs', 'ours']) {
			const run = await measure({
				counter,
				workflowId: workflowIds[side],
				url: targets[side],
				stream,
			});
			realistic[side] = {
				...run,
				useful,
				wastedExecutions: run.executionsStarted - useful,
				usefulEventsPerSecond: round(useful / run.completionSeconds, 1),
			};
			log(`trigger: realistic ${side}: ${JSON.stringify(realistic[side])}`);
		}

		// Control: the same mix again from one sender, so no two deliveries are in flight at once.
		const sequentialStream = realisticStream(secret, events, options);
		const sequential = await measure({
			counter,
			workflowId: workflowIds.ours,
			url: targets.ours,
			stream: sequentialStream,
			senders: 1,
		});
		sequential.wastedExecutions = sequential.executionsStarted - useful;
		log(`trigger: realistic ours, 1 sender: ${JSON.stringify(sequential)}`);

		const oursSummary = summarise(clean.ours);
		const theirsSummary = summarise(clean.theirs);
		const ratio = oursSummary.eventsPerSecond / theirsSummary.eventsPerSecond;
		const result = {
			n8nVersion: n8n.runtime.n8nVersion,
			n8nNodeVersion: n8n.runtime.nodeVersion,
			n8nSettings: extraEnv,
			events,
			rounds,
			senders: SENDERS,
			ours: oursSummary,
			webhookNode: theirsSummary,
			ratio: round(ratio, 3),
			target: `>= ${TARGET_RATIO} x the Webhook node`,
			met: ratio >= TARGET_RATIO,
			realistic: {
				mix: {
					deliveries: stream.length,
					useful,
					redeliveries: stream.filter((d) => d.kind === 'redelivery').length,
					echoes: stream.filter((d) => d.kind === 'echo').length,
				},
				ours: realistic.ours,
				webhookNode: realistic.theirs,
				zeroWasted: realistic.ours.wastedExecutions === 0,
				oursOneSender: sequential,
				usefulRatio: round(
					realistic.ours.usefulEventsPerSecond / realistic.theirs.usefulEventsPerSecond,
					2,
				),
			},
			subscriptionsAtEnd: fake.subscriptions().length,
		};
		log(
			`trigger: ours ${oursSummary.eventsPerSecond} events/s (p50 ${oursSummary.p50Ms} ms, p99 ${oursSummary.p99Ms} ms), ` +
				`Webhook node ${theirsSummary.eventsPerSecond} events/s (p50 ${theirsSummary.p50Ms} ms, p99 ${theirsSummary.p99Ms} ms): ` +
				`ratio ${result.ratio}, target ${result.target}: ${verdict(result.met)}`,
		);
		log(
			`trigger realistic: wasted executions ours ${realistic.ours.wastedExecutions} (target 0: ${verdict(result.realistic.zeroWasted)}), ` +
				`Webhook node ${realistic.theirs.wastedExecutions}; useful events/s ours ${realistic.ours.usefulEventsPerSecond}, ` +
				`Webhook node ${realistic.theirs.usefulEventsPerSecond} (${result.realistic.usefulRatio}x)`,
		);
		return result;
	} finally {
		release();
		counter?.stop();
		await n8n?.dispose();
		await fake.close();
	}
}
