'use strict';
/**
 * The Linq V2 (Legacy) nodes inside a real n8n, against the fake V2 server: a send, a contact
 * created and found, and the V2 trigger's subscription from activation to deactivation with a
 * signed delivery in between. Tests run in order and share one n8n.
 */
const { v2MessageEvent, V2_LINES } = require('../support/fakeLinqV2');
const { startLinqV2E2e } = require('./support/linqV2E2e');
const { actionWorkflow, triggerWorkflow, V2 } = require('./support/workflows');
const { waitFor } = require('./support/waitFor');
const { callWhenLive, settledExecutions, nodeItems } = require('./support/runs');

const SENDER = '+15557654321';

let suite;
let fake;
let n8n;
let sequence = 0;

beforeAll(async () => {
	suite = await startLinqV2E2e();
	({ fake, n8n } = suite);
}, 600_000);

afterAll(async () => {
	await suite?.dispose();
});

/** Publishes Webhook → Linq V2 (Legacy)(parameters), calls it once and returns the node's items. */
async function runV2(parameters) {
	sequence += 1;
	const webhookPath = `linq-v2-e2e-${Date.now()}-${sequence}`;
	const workflow = await n8n.api(
		'POST',
		'/workflows',
		actionWorkflow({
			name: `e2e V2 ${parameters.resource} ${parameters.operation} ${sequence}`,
			path: webhookPath,
			parameters,
			credentialId: suite.credentialId,
			kind: V2,
		}),
	);
	await n8n.api('POST', `/workflows/${workflow.id}/activate`);
	const answer = await callWhenLive(n8n, webhookPath);
	expect(answer.status).toBe(200);
	return answer.body;
}

test('Chat → Create sends the first message, Chat Message → Send a second one into the chat', async () => {
	const [created] = await runV2({
		resource: 'chat',
		operation: 'create',
		sendFrom: V2_LINES[0],
		to: '(555) 765-4321',
		text: 'Hello from n8n',
		options: {},
	});
	expect(created).toMatchObject({
		id: expect.any(Number),
		chat_messages: { text: 'Hello from n8n' },
	});
	const [sent] = await runV2({
		resource: 'chatMessage',
		operation: 'send',
		chatId: String(created.id),
		text: 'A second message',
		options: { attachmentUrls: 'https://cdn.example.com/menu.pdf' },
	});
	expect(sent).toMatchObject({ text: 'A second message', sent_from: V2_LINES[0] });
	expect(sent.attachments).toEqual([
		expect.objectContaining({ url: 'https://cdn.example.com/menu.pdf' }),
	]);
	const [request] = fake.calls('POST', `/chats/${created.id}/chat_messages`);
	expect(request.contentType).toMatch(/^multipart\/form-data/);
	expect(request.body.message).toMatchObject({
		text: 'A second message',
		idempotency_key: expect.stringMatching(/^n8n-[0-9a-f]{40}$/),
	});
	expect(request.headers['x-linq-integration-token']).toBe(fake.token);
});

test('Contact → Create, then Contact → Find by phone number finds it', async () => {
	const [contact] = await runV2({
		resource: 'contact',
		operation: 'create',
		fields: { first_name: 'Ada', last_name: 'Lovelace', phone_number: '555-234-5678' },
	});
	expect(contact).toMatchObject({
		id: expect.any(Number),
		full_name: 'Ada Lovelace',
		phone_number: '+15552345678',
	});
	const [found] = await runV2({
		resource: 'contact',
		operation: 'find',
		email: '',
		phoneNumber: '+1 555 234 5678',
	});
	expect(found).toMatchObject({ id: contact.id, first_name: 'Ada' });
});

describe('Linq V2 Trigger (Legacy)', () => {
	let workflow;
	let webhookId;

	test('activation creates exactly one subscription, at the production URL, with its own secret', async () => {
		workflow = await n8n.api(
			'POST',
			'/workflows',
			triggerWorkflow({
				name: 'e2e Linq V2 Trigger',
				parameters: { events: ['message.received'], options: {} },
				credentialId: suite.credentialId,
				kind: V2,
			}),
		);
		webhookId = workflow.nodes.find((node) => node.type === V2.triggerType).webhookId;
		await n8n.api('POST', `/workflows/${workflow.id}/activate`);
		const [subscription] = await waitFor(
			() => (fake.subscriptions().length > 0 ? fake.subscriptions() : undefined),
			{ what: 'the V2 trigger to create its subscription', timeoutMs: 120_000 },
		);
		expect(fake.subscriptions()).toHaveLength(1);
		expect(subscription).toMatchObject({
			webhook_url: `${n8n.origin}/webhook/${webhookId}/webhook`,
			version: 2,
			events: ['message.received'],
			active: true,
		});
		expect(subscription.secret).toMatch(/^[0-9a-f]{64}$/);
	});

	test('a signed delivery starts exactly one execution; its resend, a forgery and an unsigned one start none', async () => {
		const subscription = fake.subscriptions()[0];
		const event = v2MessageEvent({ from: SENDER, line: V2_LINES[0], text: 'Is my order ready?' });
		const delivery = await fake.deliver(subscription, event);
		expect(delivery.status).toBe(200);
		const first = await settledExecutions(n8n, workflow.id, 1, {
			what: 'the execution of the delivery',
		});
		expect(first).toHaveLength(1);
		const items = nodeItems(first[0]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			event_type: 'message.received',
			event_id: event.event_id,
			chat_id: event.data.chat_id,
			message_id: event.data.id,
			from: SENDER,
			line: V2_LINES[0],
			text: 'Is my order ready?',
			direction: 'inbound',
			webhook_version: 'v2',
		});

		expect((await fake.resend(delivery)).status).toBe(200);
		expect((await fake.deliver(subscription, v2MessageEvent(), { mode: 'tampered' })).status).toBe(
			401,
		);
		expect(
			(await fake.deliver(subscription, v2MessageEvent(), { mode: 'wrongSecret' })).status,
		).toBe(401);
		expect((await fake.deliver(subscription, v2MessageEvent(), { mode: 'unsigned' })).status).toBe(
			401,
		);
		// A fresh event signed over its canonical JSON is the barrier: once it ran, the ones before did too.
		const canonical = await fake.deliver(
			subscription,
			v2MessageEvent({ from: SENDER, text: 'barrier' }),
			{
				mode: 'canonical',
			},
		);
		expect(canonical.status).toBe(200);
		const all = await settledExecutions(n8n, workflow.id, 2);
		expect(all).toHaveLength(2);
	});

	test('after an n8n restart the same subscription is still the only one, and events still arrive', async () => {
		const [before] = fake.subscriptions();
		await n8n.restart();
		await waitFor(async () => (await n8n.api('GET', `/workflows/${workflow.id}`)).active, {
			what: 'the workflow to be active again',
		});
		// n8n runs checkExists on start-up; give it time to (wrongly) create a second one.
		const delivery = await waitFor(
			async () => {
				const sent = await fake.deliver(
					fake.subscriptions()[0],
					v2MessageEvent({ from: SENDER, text: 'after restart' }),
				);
				return sent.status === 200 ? sent : undefined;
			},
			{ what: 'the webhook to answer after the restart' },
		);
		expect(delivery.status).toBe(200);
		await settledExecutions(n8n, workflow.id, 3, { what: 'the execution after the restart' });
		expect(fake.subscriptions()).toEqual([
			expect.objectContaining({ id: before.id, secret: before.secret }),
		]);
		expect(fake.calls('POST', '/webhook_subscriptions')).toHaveLength(1);
	});

	test('deactivation deletes the subscription, and nothing is left', async () => {
		const { id } = fake.subscriptions()[0];
		await n8n.api('POST', `/workflows/${workflow.id}/deactivate`);
		await waitFor(() => fake.subscriptions().length === 0, {
			what: 'the subscription to be deleted',
			timeoutMs: 120_000,
		});
		expect(fake.calls('DELETE', `/webhook_subscriptions/${id}`)).toHaveLength(1);
		expect(fake.subscriptions()).toEqual([]);
	});
});
