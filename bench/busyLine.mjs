/**
 * What a busy line costs while executions wait for replies (Send and Wait, Reply): Linq
 * delivers every inbound message on a line to every wait subscription there, so each message
 * makes n8n load every waiting execution once. For W waiting executions in a real n8n (the
 * pinned e2e version, our packed tarball), inbound messages that answer none of them are
 * delivered to all W resume URLs at once, as Linq fans out; the time until all W deliveries are
 * answered and the time per delivery are measured.
 *   node bench/busyLine.mjs            W = 1, 10, 50 with 20 messages each
 *   LINQ_BENCH_WAITS=1,10 LINQ_BENCH_MESSAGES=10 node bench/busyLine.mjs
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

import { median, percentile, round } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const { buildAndPack } = require('../scripts/lib/packageInstall.cjs');
const { startFakeLinq, messageEvent } = require('../test/support/fakeLinq');
const { createInstance } = require('../test/e2e/support/n8nInstance.js');
const { actionWorkflow } = require('../test/e2e/support/workflows.js');
const { waitFor } = require('../test/e2e/support/waitFor.js');

const WAITS = (process.env.LINQ_BENCH_WAITS ?? '1,10,50').split(',').map(Number);
const MESSAGES = Number(process.env.LINQ_BENCH_MESSAGES) || 20;
const PATH = 'linq-bench-wait';

async function startWaits(n8n, fake, count, offset) {
	for (let index = 0; index < count; index++) {
		const to = `+1555030${String(offset + index).padStart(4, '0')}`;
		// Activation is asynchronous: the production URL answers 404 until it is live.
		await waitFor(
			async () => (await n8n.request('POST', `/webhook/${PATH}`, { body: { to } })).status === 200,
			{ what: 'the wait workflow to start a wait' },
		);
	}
	// A delivery before n8n saved the execution as waiting would be answered 409 (docs/design.md).
	await waitFor(
		async () => {
			const list = await n8n.api('GET', `/executions?status=waiting&limit=250`);
			return list.data.length >= offset + count;
		},
		{ what: `${offset + count} waiting executions`, timeoutMs: 300_000 },
	);
	return fake
		.subscriptions()
		.filter((subscription) => subscription.target_url.includes('/webhook-waiting/'));
}

export async function runBusyLineBench({ log = console.log } = {}) {
	const pack = { tarball: buildAndPack({ build: process.env.LINQ_E2E_SKIP_BUILD !== '1' }) };
	const fake = await startFakeLinq();
	let n8n;
	const results = [];
	try {
		n8n = await createInstance({ tarball: pack.tarball, env: { N8N_LOG_LEVEL: 'warn' } });
		log(`busy line: n8n ${n8n.runtime.n8nVersion} on Node ${n8n.runtime.nodeVersion}`);
		const credential = await n8n.rest('POST', '/credentials', {
			name: 'Linq (fake)',
			type: 'linqAppApi',
			data: { apiToken: fake.token, baseUrl: fake.baseUrl, webhookSigningSecret: '' },
		});
		const workflow = await n8n.api(
			'POST',
			'/workflows',
			actionWorkflow({
				name: 'bench send and wait',
				path: PATH,
				credentialId: credential.id,
				responseMode: 'onReceived',
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					sendTo: 'to',
					to: '={{ $json.body.to }}',
					text: 'Reply YES to confirm',
					responseType: 'reply',
					limitType: 'afterTimeInterval',
					resumeAmount: 1,
					resumeUnit: 'hours',
					options: {},
				},
			}),
		);
		await n8n.api('POST', `/workflows/${workflow.id}/activate`);
		let started = 0;
		for (const target of WAITS) {
			const waits = await startWaits(n8n, fake, target - started, started);
			started = target;
			const fanOuts = [];
			const deliveries = [];
			for (let message = 0; message < MESSAGES; message++) {
				// A stranger's message in another chat: every wait answers 200 and keeps waiting.
				const event = messageEvent({ chatId: randomUUID(), from: '+15559990000' });
				const began = performance.now();
				const answers = await Promise.all(
					waits.map(async (subscription) => {
						const sent = performance.now();
						const delivery = await fake.deliver(subscription, event);
						deliveries.push(performance.now() - sent);
						return delivery.status;
					}),
				);
				fanOuts.push(performance.now() - began);
				if (answers.some((status) => status !== 200)) {
					throw new Error(`a waiting execution answered ${answers.find((s) => s !== 200)}`);
				}
			}
			const row = {
				waits: target,
				messageMs: round(median(fanOuts), 1),
				messageP95Ms: round(percentile(fanOuts, 95), 1),
				deliveryMs: round(median(deliveries), 1),
				deliveriesPerSecond: round((target * 1000) / median(fanOuts), 0),
			};
			results.push(row);
			log(
				`busy line: ${row.waits} waiting → one inbound message handled by all in ${row.messageMs} ms (p95 ${row.messageP95Ms} ms), ${row.deliveryMs} ms per delivery, ${row.deliveriesPerSecond} deliveries/s`,
			);
		}
		return results;
	} finally {
		await n8n?.dispose();
		await fake.close();
		fs.rmSync(path.dirname(pack.tarball), { recursive: true, force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	runBusyLineBench().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}
