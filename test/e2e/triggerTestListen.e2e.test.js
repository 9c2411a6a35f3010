'use strict';
/**
 * "Listen for test event" on the Linq Trigger inside a real n8n, next to the active workflow:
 * the test URL gets its own subscription, a signed test event runs the workflow once in manual
 * mode, and when the listen ends (event received, or stopped in the editor) the test
 * subscription is deleted while the production one keeps working. Tests run in order.
 */
const { messageEvent } = require('../support/fakeLinq');
const { startLinqE2e } = require('./support/linqE2e');
const { triggerWorkflow } = require('./support/workflows');
const { waitFor } = require('./support/waitFor');

let e2e;
let fake;
let n8n;
let workflow;
let production;
let testSubscription;

const isTestUrl = (subscription) => subscription.target_url.includes('/webhook-test/');

beforeAll(async () => {
	e2e = await startLinqE2e();
	({ fake, n8n } = e2e);
	workflow = await n8n.api(
		'POST',
		'/workflows',
		triggerWorkflow({
			name: 'e2e Linq Trigger test listen',
			parameters: { events: ['message.received'], lines: [], options: {} },
			credentialId: e2e.credentialId,
		}),
	);
	await n8n.api('POST', `/workflows/${workflow.id}/activate`);
	[production] = await waitFor(
		() => (fake.subscriptions().length > 0 ? fake.subscriptions() : undefined),
		{
			what: 'the production subscription',
			timeoutMs: 120_000,
		},
	);
}, 600_000);

afterAll(async () => {
	await e2e?.dispose();
});

async function listen() {
	const answer = await n8n.rest('POST', `/workflows/${workflow.id}/run`, {
		triggerToStartFrom: { name: 'Linq Trigger' },
	});
	expect(answer.data ?? answer).toEqual({ waitingForWebhook: true });
	return await waitFor(() => fake.subscriptions().find(isTestUrl), {
		what: 'the test subscription',
	});
}

async function executionModes() {
	const list = await n8n.api('GET', `/executions?workflowId=${workflow.id}`);
	return list.data.map((execution) => execution.mode).sort();
}

test('listening adds a subscription for the test URL and leaves the production one alone', async () => {
	const test = await listen();
	expect(test.target_url).toMatch(/\/webhook-test\/.+\/webhook\?version=2026-02-03$/);
	expect(test.id).not.toBe(production.id);
	expect(
		fake
			.subscriptions()
			.map((subscription) => subscription.id)
			.sort(),
	).toEqual([production.id, test.id].sort());
	testSubscription = test;
});

test('a signed test event runs the workflow once, then the test subscription is deleted', async () => {
	const test = testSubscription;
	const delivery = await fake.deliver(test, messageEvent({ text: 'test event' }));
	expect(delivery.status).toBe(200);
	await waitFor(() => fake.subscriptions().length === 1, {
		what: 'the test subscription to be deleted',
	});
	expect(fake.calls('DELETE', `/v3/webhook-subscriptions/${test.id}`)).toHaveLength(1);
	expect(fake.subscriptions()[0].id).toBe(production.id);
	await waitFor(async () => ((await executionModes()).length === 1 ? true : undefined), {
		what: 'the test execution',
	});
	expect(await executionModes()).toEqual(['manual']);
});

test("production events are still verified with production's own secret afterwards", async () => {
	const delivery = await fake.deliver(production, messageEvent({ text: 'production event' }));
	expect(delivery.status).toBe(200);
	await waitFor(async () => ((await executionModes()).length === 2 ? true : undefined), {
		what: 'the production execution',
	});
	expect(await executionModes()).toEqual(['manual', 'webhook']);
});

test('stopping the listen in the editor deletes the test subscription too', async () => {
	const test = await listen();
	await n8n.rest('DELETE', `/test-webhook/${workflow.id}`);
	await waitFor(() => fake.subscriptions().length === 1, {
		what: 'the test subscription to be deleted',
	});
	expect(fake.calls('DELETE', `/v3/webhook-subscriptions/${test.id}`)).toHaveLength(1);
	expect(fake.subscriptions()[0].id).toBe(production.id);
});
