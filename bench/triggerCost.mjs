/**
 * Benchmark 7 (issue 11): what one Linq delivery costs n8n, in CPU milliseconds and events/s, for
 * four ways of receiving it in one n8n 2.41.1, side by side:
 *   ours         the Linq Trigger (message.received, default options);
 *   webhookNode  n8n's Webhook node, answering at once and checking nothing;
 *   codeNode     the Webhook node (Raw Body) + the Code node a user would write instead: it checks
 *                the Standard Webhooks signature and skips a webhook-id kept in
 *                $getWorkflowStaticData('global');
 *   otherLinq    the Linq Trigger of the other community package, n8n-nodes-linq from npm. It
 *                registers no subscription: one is made at the fake Linq for its URL and the
 *                secret goes into its credential, which is what its README asks the user to do.
 * Each of our saved dedupe state sizes (0, about 5,000 keys, the bound) is seeded into n8n's
 * database while n8n is stopped, and the Code node's memory gets as many keys. The whole set runs
 * once with expression isolates off (N8N_EXPRESSION_ENGINE=legacy) and once with n8n's default
 * engine, each in its own n8n. CPU: user + system time of n8n's process group (n8n and its task
 * runner) over each side's run, from /proc.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { groupCpuSeconds } from './lib/groupCpu.mjs';
import { cleanUpOnInterrupt } from './lib/interrupt.mjs';
import { inboundStream, realisticStream, resign } from './lib/signedStream.mjs';
import { median, round, verdict } from './lib/stats.mjs';
import {
	measure,
	n8nSettingsFromEnv,
	startExecutionCounter,
	webhookNodeWorkflow,
} from './triggerThroughput.mjs';

const require = createRequire(import.meta.url);
const { startFakeLinq } = require('../test/support/fakeLinq');
const { createInstance } = require('../test/e2e/support/n8nInstance.js');
const { createBenchTrigger } = require('../test/e2e/support/workflows.js');
const { waitFor } = require('../test/e2e/support/waitFor.js');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SIDES = ['ours', 'webhookNode', 'codeNode', 'otherLinq'];
const OTHER_PACKAGE = 'n8n-nodes-linq@4.1.0';
const WARM_UP = 50;
const OUR_NODE = 'Linq Trigger';
const CODE_NODE = 'Verify and dedupe';
const ENGINES = {
	legacy: {
		label: 'isolates off (N8N_EXPRESSION_ENGINE=legacy)',
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
	default: { label: "n8n's default engine (vm isolates, pool of 1)", env: {} },
};
const TARGETS = { eventsVsWebhookNode: 0.9, cpuVsWebhookNode: 1.15, eventsVsOtherLinq: 1.3 };

/** The Code node a user would write after a Webhook node (Raw Body on) to take Linq's events. */
function codeNodeSource(secret) {
	return `// Linq's Standard Webhooks signature over the raw body, then skip a webhook-id seen in the last 30 minutes.
const crypto = require('crypto');
const secret = ${JSON.stringify(secret)};
const headers = $input.first().json.headers;
const id = headers['webhook-id'];
const timestamp = headers['webhook-timestamp'];
const raw = await this.helpers.getBinaryDataBuffer(0, 'data');
const expected = crypto
	.createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64'))
	.update(\`\${id}.\${timestamp}.\`)
	.update(raw)
	.digest();
const signed = String(headers['webhook-signature'] ?? '')
	.split(' ')
	.some((entry) => {
		const [version, value] = entry.split(',');
		const given = Buffer.from(value ?? '', 'base64');
		return version === 'v1' && given.length === expected.length && crypto.timingSafeEqual(given, expected);
	});
const now = Math.floor(Date.now() / 1000);
if (!signed || Math.abs(now - Number(timestamp)) > 300) throw new Error('Not a signed Linq delivery');
const event = JSON.parse(raw.toString('utf8'));
if (event.data?.direction !== 'inbound') return [];
const memory = $getWorkflowStaticData('global');
if (memory.seen === undefined) memory.seen = {};
if (memory.seen[id] !== undefined) return [];
memory.seen[id] = now;
for (const [key, at] of Object.entries(memory.seen)) if (now - at > 1800) delete memory.seen[key];
return [{ json: event }];
`;
}

function codeNodeWorkflow(secret, webhookPath) {
	const webhook = webhookNodeWorkflow(webhookPath).nodes[0];
	webhook.parameters.options = { rawBody: true };
	const code = {
		id: randomUUID(),
		name: CODE_NODE,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [220, 0],
		parameters: { jsCode: codeNodeSource(secret) },
	};
	return {
		name: 'bench Webhook + Code node',
		nodes: [webhook, code],
		connections: { [webhook.name]: { main: [[{ node: CODE_NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Its credential is set once the subscription's secret is known. */
function otherLinqWorkflow() {
	const webhookId = randomUUID();
	return {
		webhookId,
		workflow: {
			name: 'bench n8n-nodes-linq trigger',
			nodes: [
				{
					id: randomUUID(),
					name: 'Other Linq Trigger',
					type: 'n8n-nodes-linq.linqTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					parameters: { events: ['message.received'] },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		},
	};
}

/** `npm pack` of the other package from the registry, into `dir`; returns the tarball's path. */
function packOtherPackage(dir) {
	const out = execFileSync('npm', ['pack', OTHER_PACKAGE, '--json', '--pack-destination', dir], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return path.join(dir, JSON.parse(out)[0].filename);
}

/** A subscription at the fake Linq made by hand (what the other package's user does). */
async function subscribeAtFake(fake, targetUrl) {
	const response = await fetch(`${fake.baseUrl}/v3/webhook-subscriptions`, {
		method: 'POST',
		headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ target_url: targetUrl, subscribed_events: ['message.received'] }),
		signal: AbortSignal.timeout(10_000),
	});
	if (response.status !== 201)
		throw new Error(`The fake Linq refused a subscription (${response.status})`);
	return await response.json();
}

/**
 * A valid packed dedupe state (version 3) of `keys` random digests, laid out the way heavy
 * traffic leaves it: full generations of KEYS_PER_GENERATION a minute apart, and the current one
 * (started now) with room for `room` more keys, so the keys the run adds stay within the bound.
 */
function packedState(dedupe, keys, room, nowSeconds) {
	const { KEYS_PER_GENERATION, KEY_CHARS, MAX_GENERATIONS } = dedupe;
	const digest = () => randomBytes(9).toString('base64url');
	const sizes = [];
	let left = keys;
	const current = Math.min(left, Math.max(0, KEYS_PER_GENERATION - room));
	sizes.unshift(current);
	left -= current;
	while (left > 0 && sizes.length < MAX_GENERATIONS) {
		const size = Math.min(left, KEYS_PER_GENERATION);
		sizes.unshift(size);
		left -= size;
	}
	if (left > 0) throw new Error(`${keys} keys do not fit in the dedupe state`);
	const generations = sizes.map((size, index) => ({
		s: nowSeconds - 60 * (sizes.length - 1 - index),
		k: Array.from({ length: size }, digest).join(''),
	}));
	const state = { v: 3, g: generations.filter((generation) => generation.k.length > 0) };
	const read = dedupe.dedupeStateFrom(dedupe.readSavedState(JSON.parse(JSON.stringify(state))));
	if (
		dedupe.dedupeKeyCount(read) !== keys ||
		read.generations.some((g) => g.packed.length % KEY_CHARS)
	)
		throw new Error('The seeded dedupe state does not read back whole');
	return state;
}

/** Writes the seeds into n8n's database (n8n must be stopped); returns the sizes. */
function seedStaticData(n8n, changes) {
	const out = execFileSync(
		n8n.runtime.nodeBin,
		[
			'--no-warnings',
			path.join(HERE, 'lib', 'staticDataSeed.cjs'),
			path.join(n8n.userFolder, '.n8n', 'database.sqlite'),
		],
		{ input: JSON.stringify(changes), encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'] },
	);
	return JSON.parse(out);
}

/** Everything the four sides need in one n8n, created once per instance. */
async function setUpSides(n8n, fake) {
	const ours = await createBenchTrigger(n8n, fake);
	const oursWebhookId = ours.nodes[0].webhookId;
	await n8n.api('POST', `/workflows/${ours.id}/activate`);
	const oursSubscription = await waitFor(
		() => fake.subscriptions().find((s) => s.target_url.includes(oursWebhookId)),
		{ what: 'the Linq Trigger to create its subscription', timeoutMs: 120_000 },
	);

	const webhookNode = await n8n.api(
		'POST',
		'/workflows',
		webhookNodeWorkflow('linq-bench-webhook'),
	);

	const codeUrl = `${n8n.origin}/webhook/linq-bench-code`;
	const codeSubscription = await subscribeAtFake(fake, codeUrl);
	const codeNode = await n8n.api(
		'POST',
		'/workflows',
		codeNodeWorkflow(codeSubscription.signing_secret, 'linq-bench-code'),
	);

	const other = otherLinqWorkflow();
	const otherUrl = `${n8n.origin}/webhook/${other.webhookId}/webhook`;
	const otherSubscription = await subscribeAtFake(fake, otherUrl);
	const otherCredential = await n8n.api('POST', '/credentials', {
		name: 'Linq API (other package)',
		type: 'linqApi',
		data: { integrationToken: fake.token, webhookSigningSecret: otherSubscription.signing_secret },
	});
	other.workflow.nodes[0].credentials = {
		linqApi: { id: otherCredential.id, name: 'Linq API (other package)' },
	};
	const otherLinq = await n8n.api('POST', '/workflows', other.workflow);

	for (const workflow of [webhookNode, codeNode, otherLinq])
		await n8n.api('POST', `/workflows/${workflow.id}/activate`);

	return {
		ours: {
			workflowId: ours.id,
			url: oursSubscription.target_url,
			secret: oursSubscription.signing_secret,
			subscriptionId: oursSubscription.id,
		},
		// The Webhook node checks nothing; it gets the deliveries as signed for our trigger.
		webhookNode: {
			workflowId: webhookNode.id,
			url: `${n8n.origin}/webhook/linq-bench-webhook`,
			secret: oursSubscription.signing_secret,
			subscriptionId: oursSubscription.id,
		},
		codeNode: {
			workflowId: codeNode.id,
			url: codeUrl,
			secret: codeSubscription.signing_secret,
			subscriptionId: codeSubscription.id,
		},
		otherLinq: {
			workflowId: otherLinq.id,
			url: otherUrl,
			secret: otherSubscription.signing_secret,
			subscriptionId: otherSubscription.id,
		},
	};
}

/** After a (re)start: every side's webhook answers as a registered one does. */
async function waitUntilLive(sides) {
	const post = async (url) =>
		(
			await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
				signal: AbortSignal.timeout(10_000),
			})
		).status;
	await waitFor(async () => (await post(sides.ours.url)) === 401, {
		what: 'the Linq Trigger webhook to be live',
		timeoutMs: 120_000,
	});
	for (const side of ['webhookNode', 'codeNode', 'otherLinq']) {
		await waitFor(async () => (await post(sides[side].url)) !== 404, {
			what: `the ${side} webhook to be live`,
			timeoutMs: 120_000,
		});
	}
}

/** The size of each side's saved state, as n8n's database holds it. */
async function savedState(counter, sides) {
	const [ours, code] = await Promise.all([
		counter.staticData(sides.ours.workflowId),
		counter.staticData(sides.codeNode.workflowId),
	]);
	return {
		ours: { bytes: ours.staticDataBytes, keys: ours.dedupeKeys },
		codeNode: { bytes: code.staticDataBytes, keys: code.seenKeys },
	};
}

/** One side's run: the stream signed for it, sent, settled; with n8n's CPU over that time. */
async function runSide({ n8n, counter, sides, side, stream, expected }) {
	const target = sides[side];
	const signed = resign(stream, target.secret, { subscriptionId: target.subscriptionId });
	const pgid = n8n.pid;
	const cpuBefore = groupCpuSeconds([pgid])[pgid];
	const run = await measure({
		counter,
		workflowId: target.workflowId,
		url: target.url,
		stream: signed,
		expected,
	});
	const cpuAfter = groupCpuSeconds([pgid])[pgid];
	run.eventsPerSecond = round(stream.length / run.completionSeconds, 1);
	run.cpuMsPerDelivery = round(((cpuAfter - cpuBefore) * 1000) / stream.length, 1);
	return run;
}

function summariseSide(runs) {
	return {
		eventsPerSecond: round(median(runs.map((run) => run.eventsPerSecond)), 1),
		cpuMsPerDelivery: round(median(runs.map((run) => run.cpuMsPerDelivery)), 1),
		runs,
	};
}

/** Keys our trigger adds in one state-size cell: two per emitted event. */
const keysAddedPerCell = ({ events, rounds }) => 2 * (WARM_UP + events * rounds);

/**
 * One state size in one n8n: seed (n8n stopped), start, warm up, then `rounds` rounds of fresh
 * events, the four sides in alternating order; and, when `realistic` is set, a stream with
 * redeliveries to our trigger and the Code node.
 */
async function runCell({
	n8n,
	counter,
	sides,
	only,
	dedupe,
	size,
	events,
	rounds,
	realistic,
	log,
}) {
	const added = keysAddedPerCell({ events, rounds });
	const keys =
		size === 'bound'
			? dedupe.MAX_KEYS - added
			: Math.max(0, Number(size) - (Number(size) > 0 ? added / 2 : 0));
	const nowSeconds = Math.floor(Date.now() / 1000);
	const seenAt = Object.fromEntries(
		Array.from({ length: keys }, () => [`msg_${randomUUID()}`, nowSeconds]),
	);
	await n8n.stop();
	const seeded = seedStaticData(n8n, [
		{
			workflowId: sides.ours.workflowId,
			path: [`node:${OUR_NODE}`, 'dedupe'],
			value: keys > 0 ? packedState(dedupe, keys, added, nowSeconds) : null,
		},
		{
			workflowId: sides.codeNode.workflowId,
			path: ['global', 'seen'],
			value: keys > 0 ? seenAt : null,
		},
	]);
	await n8n.restart();
	await waitUntilLive(sides);
	const stateAtStart = await savedState(counter, sides);
	log(
		`trigger-cost: state ${size}: seeded ${keys} keys in each; saved now ${JSON.stringify(stateAtStart)}`,
	);

	for (const side of only) {
		await runSide({
			n8n,
			counter,
			sides,
			side,
			stream: inboundStream(sides.ours.secret, WARM_UP),
			expected: WARM_UP,
		});
	}
	const afterWarmUp = await savedState(counter, sides);

	const runs = Object.fromEntries(only.map((side) => [side, []]));
	for (let index = 0; index < rounds; index++) {
		const stream = inboundStream(sides.ours.secret, events);
		const order = index % 2 === 0 ? only : [...only].reverse();
		for (const side of order) {
			const before =
				side === 'ours' || side === 'codeNode' ? await savedState(counter, sides) : undefined;
			const run = await runSide({ n8n, counter, sides, side, stream, expected: events });
			if (before) {
				const after = await savedState(counter, sides);
				run.savedState = { before: before[side], after: after[side] };
			}
			runs[side].push(run);
			log(
				`trigger-cost: state ${size} round ${index + 1} ${side}: ${run.eventsPerSecond} events/s, ${run.cpuMsPerDelivery} ms CPU/delivery, statuses ${JSON.stringify(run.statuses)}${run.savedState ? `, saved ${JSON.stringify(run.savedState)}` : ''}`,
			);
		}
	}
	const stateAtEnd = await savedState(counter, sides);

	let redeliveries;
	if (realistic && only.includes('ours') && only.includes('codeNode')) {
		const stream = realisticStream(sides.ours.secret, events);
		const useful = stream.filter((delivery) => delivery.kind === 'inbound').length;
		const mix = {
			deliveries: stream.length,
			fresh: useful,
			redeliveries: stream.filter((delivery) => delivery.kind === 'redelivery').length,
			echoes: stream.filter((delivery) => delivery.kind === 'echo').length,
		};
		const afterId = await counter.highestId();
		const ours = await runSide({ n8n, counter, sides, side: 'ours', stream });
		const code = await runSide({
			n8n,
			counter,
			sides,
			side: 'codeNode',
			stream,
			expected: stream.length,
		});
		const passed = await counter.nodeOutputs(sides.codeNode.workflowId, afterId, CODE_NODE);
		redeliveries = {
			mix,
			ours: { executions: ours.executionsStarted, through: ours.executionsStarted - useful },
			codeNode: {
				executions: code.executionsStarted,
				passedCodeNode: passed.withItems,
				through: passed.withItems - useful,
			},
		};
		log(`trigger-cost: state ${size} redeliveries: ${JSON.stringify(redeliveries)}`);
	}

	const summary = Object.fromEntries(only.map((side) => [side, summariseSide(runs[side])]));
	const ratio = (a, b, key) => round(summary[a]?.[key] / summary[b]?.[key], 2);
	const perRound = (other, key) =>
		runs.ours.map((run, index) => round(run[key] / runs[other]?.[index]?.[key], 2));
	return {
		size,
		seededKeys: keys,
		seeded,
		savedState: { atStart: stateAtStart, afterWarmUp, atEnd: stateAtEnd },
		sides: summary,
		ratios: {
			eventsVsWebhookNode: ratio('ours', 'webhookNode', 'eventsPerSecond'),
			cpuVsWebhookNode: ratio('ours', 'webhookNode', 'cpuMsPerDelivery'),
			eventsVsOtherLinq: ratio('ours', 'otherLinq', 'eventsPerSecond'),
		},
		// The same ratios round by round (both sides of a round ran minutes apart at most).
		roundRatios: {
			eventsVsWebhookNode: perRound('webhookNode', 'eventsPerSecond'),
			cpuVsWebhookNode: perRound('webhookNode', 'cpuMsPerDelivery'),
			eventsVsOtherLinq: perRound('otherLinq', 'eventsPerSecond'),
		},
		redeliveries,
	};
}

function verdicts(engine, cell) {
	const checks = {};
	if (engine === 'legacy') {
		checks.eventsVsWebhookNode = cell.ratios.eventsVsWebhookNode >= TARGETS.eventsVsWebhookNode;
		checks.cpuVsWebhookNode = cell.ratios.cpuVsWebhookNode <= TARGETS.cpuVsWebhookNode;
	} else {
		checks.eventsVsOtherLinq = cell.ratios.eventsVsOtherLinq >= TARGETS.eventsVsOtherLinq;
	}
	return checks;
}

function listFromEnv(name, fallback) {
	const value = process.env[name];
	return value ? value.split(',').map((entry) => entry.trim()) : fallback;
}

/** `progress(result)`: called after every state size with what was measured so far. */
export async function runTriggerCostBench({ pack, quick = false, log = console.log, progress }) {
	// Built by the benchmark run before this module runs; the bounds and the seed's check come from it.
	const dedupe = require('../dist/nodes/shared/delivery/dedupe.js');
	const events = Number(process.env.LINQ_BENCH_COST_EVENTS) || (quick ? 60 : 300);
	const rounds = Number(process.env.LINQ_BENCH_COST_ROUNDS) || (quick ? 1 : 3);
	const engines = listFromEnv('LINQ_BENCH_COST_ENGINES', ['legacy', 'default']);
	const only = listFromEnv('LINQ_BENCH_COST_SIDES', SIDES);
	const sizes = listFromEnv(
		'LINQ_BENCH_COST_STATES',
		quick ? ['0', 'bound'] : ['0', '5000', 'bound'],
	);
	const unknown = engines.filter((engine) => !ENGINES[engine]);
	if (unknown.length) throw new Error(`Unknown engine(s) ${unknown.join(', ')}: legacy, default`);
	if (keysAddedPerCell({ events, rounds }) > dedupe.KEYS_PER_GENERATION)
		throw new Error('Too many events per state size to keep the state at its bound');
	const extraEnv = n8nSettingsFromEnv();
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-bench-other-'));
	const otherTarball = packOtherPackage(scratch);
	const fake = await startFakeLinq();
	let n8n;
	let counter;
	const release = cleanUpOnInterrupt(async () => {
		counter?.stop();
		await n8n?.dispose();
	});
	const result = {
		otherPackage: OTHER_PACKAGE,
		events,
		rounds,
		warmUp: WARM_UP,
		senders: 20,
		sides: only,
		bound: dedupe.MAX_KEYS,
		targets: TARGETS,
		n8nSettings: extraEnv,
		engines: {},
	};
	try {
		for (const engine of engines) {
			const booted = Date.now();
			n8n = await createInstance({
				tarball: pack.tarball,
				alsoInstall: [otherTarball],
				env: {
					EXECUTIONS_DATA_PRUNE: 'false',
					N8N_LOG_LEVEL: 'warn',
					// What the Code node needs to require('crypto') in n8n's task runner.
					NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
					...ENGINES[engine].env,
					...extraEnv,
				},
			});
			log(
				`trigger-cost: ${ENGINES[engine].label}: n8n ${n8n.runtime.n8nVersion} ready in ${round((Date.now() - booted) / 1000, 1)} s`,
			);
			fake.reset();
			counter = startExecutionCounter(n8n.runtime, n8n.userFolder);
			const sides = await setUpSides(n8n, fake);
			const cells = [];
			for (const [index, size] of sizes.entries()) {
				const cell = await runCell({
					n8n,
					counter,
					sides,
					only,
					dedupe,
					size,
					events,
					rounds,
					realistic: index === 0,
					log,
				});
				cell.met = verdicts(engine, cell);
				cell.loadAverage = os.loadavg().map((value) => round(value, 2));
				cells.push(cell);
				result.engines[engine] = { label: ENGINES[engine].label, cells };
				progress?.(result);
				log(
					`trigger-cost: ${engine}, state ${size}: ` +
						only
							.map(
								(side) =>
									`${side} ${cell.sides[side].eventsPerSecond} events/s ${cell.sides[side].cpuMsPerDelivery} ms`,
							)
							.join('; ') +
						`; ours/Webhook node events ${cell.ratios.eventsVsWebhookNode}, CPU ${cell.ratios.cpuVsWebhookNode}; ours/other ${cell.ratios.eventsVsOtherLinq}; ` +
						Object.entries(cell.met)
							.map(([target, ok]) => `${target} ${verdict(ok)}`)
							.join(', '),
				);
			}
			result.engines[engine] = {
				label: ENGINES[engine].label,
				n8nVersion: n8n.runtime.n8nVersion,
				n8nNodeVersion: n8n.runtime.nodeVersion,
				cells,
			};
			counter.stop();
			counter = undefined;
			await n8n.dispose();
			n8n = undefined;
		}
		return result;
	} finally {
		release();
		counter?.stop();
		await n8n?.dispose();
		await fake.close();
		fs.rmSync(scratch, { recursive: true, force: true });
	}
}
