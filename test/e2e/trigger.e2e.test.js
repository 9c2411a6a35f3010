'use strict';
/**
 * The Linq Trigger inside a real n8n: activation registers one subscription at the fake Linq,
 * signed deliveries start executions, bad ones start none, deactivation and restarts leave
 * exactly the subscriptions they should. Tests run in order and share one workflow.
 */
const { messageEvent, LINES } = require('../support/fakeLinq');
const { startLinqE2e } = require('./support/linqE2e');
const { triggerWorkflow } = require('./support/workflows');
const { waitFor } = require('./support/waitFor');
const { executionsOf, settledExecutions, nodeItems } = require('./support/runs');

const SENDER = '+15557654321';

let suite;
let fake;
let n8n;
let workflow;
let webhookId;
let firstDelivery;

beforeAll(async () => {
	suite = await startLinqE2e();
	({ fake, n8n } = suite);
	workflow = await n8n.api(
		'POST',
		'/workflows',
		triggerWorkflow({
			name: 'e2e Linq Trigger',
			parameters: { events: ['message.received'], lines: [], options: {} },
			credentialId: suite.credentialId,
		}),
	);
	webhookId = workflow.nodes.find((node) => node.type.endsWith('.linqTrigger')).webhookId;
}, 600_000);

afterAll(async () => {
	await suite?.dispose();
});

const executions = () => executionsOf(n8n, workflow.id);

async function activate() {
	await n8n.api('POST', `/workflows/${workflow.id}/activate`);
	return await waitFor(() => (fake.subscriptions().length > 0 ? fake.subscriptions() : undefined), {
		what: 'the trigger to create its subscription',
		timeoutMs: 120_000,
	});
}

/**
 * Sends a fresh, valid event and waits until n8n stored `expected` executions in total. The
 * deliveries before it have been answered already, so anything they started is stored too.
 */
async function barrier(expected) {
	const delivery = await fake.deliver(
		fake.subscriptions()[0],
		messageEvent({ from: SENDER, text: `barrier ${expected}` }),
	);
	expect(delivery.status).toBe(200);
	return await settledExecutions(n8n, workflow.id, expected);
}

test('activating the workflow creates exactly one subscription at the production URL with ?version=2026-02-03', async () => {
	const [subscription] = await activate();
	expect(fake.subscriptions()).toHaveLength(1);
	expect(fake.calls('POST', '/v3/webhook-subscriptions')).toHaveLength(1);
	expect(subscription.target_url).toBe(
		`${n8n.origin}/webhook/${webhookId}/webhook?version=2026-02-03`,
	);
	expect(subscription.subscribed_events).toEqual(['message.received']);
});

test('a signed message.received starts exactly one execution with the documented fields', async () => {
	const event = messageEvent({ from: SENDER, to: LINES[0], text: 'Hi there' });
	const delivery = await fake.deliver(fake.subscriptions()[0], event);
	expect(delivery.status).toBe(200);
	const all = await settledExecutions(n8n, workflow.id, 1, {
		what: 'the execution of the delivery',
	});
	expect(all).toHaveLength(1);
	const items = nodeItems(all[0]);
	expect(items).toHaveLength(1);
	expect(items[0].json).toMatchObject({
		event_type: 'message.received',
		event_id: event.event_id,
		message_id: event.data.id,
		chat_id: event.data.chat.id,
		from: SENDER,
		line: LINES[0],
		text: 'Hi there',
		direction: 'inbound',
		webhook_version: '2026-02-03',
	});
	firstDelivery = delivery;
});

test('a duplicate, a tampered, a stale and a malformed delivery start no execution', async () => {
	const subscription = fake.subscriptions()[0];
	const again = await fake.resend(firstDelivery);
	expect(again.status).toBe(200);
	const tampered = await fake.deliver(subscription, messageEvent({ from: SENDER }), {
		mode: 'tampered',
	});
	expect(tampered.status).toBe(401);
	const stale = await fake.deliver(subscription, messageEvent({ from: SENDER }), { mode: 'stale' });
	expect(stale.status).toBe(401);
	const unsigned = await fake.deliver(subscription, messageEvent({ from: SENDER }), {
		mode: 'unsigned',
	});
	expect(unsigned.status).toBe(401);
	const malformed = await fake.deliver(subscription, messageEvent({ from: SENDER }), {
		mode: 'malformed',
	});
	// n8n's own body parser may refuse broken JSON (422) before the trigger sees it (400).
	expect([400, 422]).toContain(malformed.status);
	const all = await barrier(2);
	expect(all).toHaveLength(2);
});

test('an outbound message (our own send echoed back) starts no execution by default', async () => {
	const echo = messageEvent({ direction: 'outbound', to: LINES[0], text: 'sent by the workflow' });
	const delivery = await fake.deliver(fake.subscriptions()[0], echo);
	expect(delivery.status).toBe(200);
	const all = await barrier(3);
	expect(all).toHaveLength(3);
	expect(all.map((execution) => nodeItems(execution)[0].json.direction)).toEqual([
		'inbound',
		'inbound',
		'inbound',
	]);
});

test('deactivating the workflow deletes the subscription', async () => {
	const id = fake.subscriptions()[0].id;
	await n8n.api('POST', `/workflows/${workflow.id}/deactivate`);
	await waitFor(() => fake.subscriptions().length === 0, {
		what: 'the subscription to be deleted',
		timeoutMs: 120_000,
	});
	expect(fake.calls('DELETE', `/v3/webhook-subscriptions/${id}`)).toHaveLength(1);
});

test('restarting n8n and re-activating leaves exactly one subscription, and events still arrive', async () => {
	await activate();
	expect(fake.subscriptions()).toHaveLength(1);
	await n8n.restart();
	// n8n re-activates published workflows after it reports ready; wait for that to settle.
	await waitFor(async () => (await n8n.api('GET', `/workflows/${workflow.id}`)).active, {
		what: 'the workflow to be active again',
	});
	await n8n.api('POST', `/workflows/${workflow.id}/deactivate`);
	await waitFor(() => fake.subscriptions().length === 0, {
		what: 'the subscription to be deleted',
		timeoutMs: 120_000,
	});
	await activate();
	expect(fake.subscriptions()).toHaveLength(1);
	const before = (await executions()).length;
	const all = await barrier(before + 1);
	expect(all).toHaveLength(before + 1);
	expect(fake.subscriptions()).toHaveLength(1);
});

test('an event answered before a restart is still a duplicate after it: webhook() saved it, in n8n 2.41.1 too', async () => {
	const start = (await executions()).length;
	const event = messageEvent({ from: SENDER, text: 'before the restart' });
	const delivery = await fake.deliver(fake.subscriptions()[0], event);
	expect(delivery.status).toBe(200);
	// The trigger's step no longer writes static data, so only webhook()'s save can carry the key.
	const before = (await barrier(start + 2)).length;
	await n8n.restart();
	await waitFor(async () => (await n8n.api('GET', `/workflows/${workflow.id}`)).active, {
		what: 'the workflow to be active again',
	});
	expect((await fake.resend(delivery)).status).toBe(200);
	const all = await barrier(before + 1);
	expect(all).toHaveLength(before + 1);
});
