/**
 * The restart window of the dedupe state, measured in a real n8n 2.41.1 (regular mode, SQLite):
 * after the trigger answers a delivery with 200, how soon does the workflow's saved static data
 * hold the event's key? Each of `rounds` events is delivered, then the public API is asked for
 * the workflow straight away and again until the key shows up. A read that already finds the key
 * means the save was done before a request sent right after the 200 was answered.
 *
 *   node bench/dedupeSaveWindow.mjs [rounds]
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { messageEvent } = require('../test/support/fakeLinq');
const { startLinqE2e } = require('../test/e2e/support/linqE2e.js');
const { triggerWorkflow } = require('../test/e2e/support/workflows.js');
const { waitFor } = require('../test/e2e/support/waitFor.js');

const rounds = Number(process.argv[2] ?? 20);
const digest = (key) => createHash('sha256').update(key).digest('base64url').slice(0, 12);

const suite = await startLinqE2e();
try {
	const { fake, n8n } = suite;
	const workflow = await n8n.api(
		'POST',
		'/workflows',
		triggerWorkflow({
			name: 'dedupe save window',
			parameters: { events: ['message.received'], lines: [], options: {} },
			credentialId: suite.credentialId,
		}),
	);
	await n8n.api('POST', `/workflows/${workflow.id}/activate`);
	const [subscription] = await waitFor(
		() => (fake.subscriptions().length > 0 ? fake.subscriptions() : undefined),
		{ what: 'the subscription', timeoutMs: 120_000 },
	);
	const readsNeeded = [];
	const msUntilSaved = [];
	for (let round = 0; round < rounds; round++) {
		const event = messageEvent({ text: `window ${round}` });
		const delivery = await fake.deliver(subscription, event);
		const answered = performance.now();
		if (delivery.status !== 200) throw new Error(`delivery answered ${delivery.status}`);
		for (let read = 1; ; read++) {
			const saved = (await n8n.api('GET', `/workflows/${workflow.id}`)).staticData;
			const packed = (saved?.['node:Linq Trigger']?.dedupe?.g ?? []).map((g) => g.k).join('');
			if (packed.includes(digest(event.event_id))) {
				readsNeeded.push(read);
				msUntilSaved.push(performance.now() - answered);
				break;
			}
			if (read > 200) throw new Error('the key was never saved');
		}
	}
	const sorted = msUntilSaved.slice().sort((a, b) => a - b);
	console.log(
		JSON.stringify({
			rounds,
			foundOnFirstRead: readsNeeded.filter((reads) => reads === 1).length,
			maxReads: Math.max(...readsNeeded),
			msUntilSeenMedian: Math.round(sorted[Math.floor(sorted.length / 2)]),
			msUntilSeenMax: Math.round(sorted[sorted.length - 1]),
		}),
	);
} finally {
	await suite.dispose();
}
