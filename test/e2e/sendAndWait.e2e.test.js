'use strict';
/**
 * Message → Send and Wait for Response inside a real n8n, against the fake Linq: the
 * execution waits on its own subscription at its resume URL; forged, foreign and echoed
 * deliveries leave it waiting; the reply finishes it and removes the subscription; a
 * one-minute limit times out and the next run deletes the expired subscription; an approval
 * link finishes its execution. Tests run in order.
 */
const { messageEvent, LINES } = require('../support/fakeLinq');
const { startLinqE2e } = require('./support/linqE2e');
const { actionWorkflow } = require('./support/workflows');
const { waitFor } = require('./support/waitFor');

const RECIPIENT = '+15557654321';

let suite;
let fake;
let n8n;
let sequence = 0;

beforeAll(async () => {
	suite = await startLinqE2e();
	({ fake, n8n } = suite);
}, 600_000);

afterAll(async () => {
	await suite?.dispose();
});

const waitParameters = (overrides = {}) => ({
	resource: 'message',
	operation: 'sendAndWait',
	sendTo: 'to',
	to: RECIPIENT,
	text: 'Your appointment is tomorrow at 10:00. Reply YES to confirm.',
	responseType: 'reply',
	limitType: 'afterTimeInterval',
	resumeAmount: 1,
	resumeUnit: 'days',
	options: {},
	...overrides,
});

/** Publishes Webhook (answers at once) → Linq(parameters), calls it, returns the waiting execution. */
async function startWaiting(parameters) {
	sequence += 1;
	const path = `linq-wait-${Date.now()}-${sequence}`;
	const workflow = await n8n.api(
		'POST',
		'/workflows',
		actionWorkflow({
			name: `e2e send and wait ${sequence}`,
			path,
			parameters,
			credentialId: suite.credentialId,
			responseMode: 'onReceived',
		}),
	);
	await n8n.api('POST', `/workflows/${workflow.id}/activate`);
	await waitFor(
		async () => {
			const answer = await n8n.request('POST', `/webhook/${path}`, { body: {} });
			return answer.status === 200;
		},
		{ what: `webhook ${path} to be registered` },
	);
	const execution = await waitFor(
		async () => {
			const list = await n8n.api('GET', `/executions?workflowId=${workflow.id}&includeData=true`);
			const [first] = list.data;
			if (
				first &&
				first.status !== 'waiting' &&
				first.status !== 'running' &&
				first.status !== 'new'
			) {
				throw new Error(
					`the execution ended ${first.status}: ${JSON.stringify(first.data?.resultData?.error ?? {}).slice(0, 500)}`,
				);
			}
			return first?.status === 'waiting' ? first : undefined;
		},
		{ what: 'the execution to wait' },
	);
	return { workflow, execution };
}

async function execution(id) {
	return await n8n.api('GET', `/executions/${id}?includeData=true`);
}

async function finished(id, timeoutMs = 60_000) {
	return await waitFor(
		async () => {
			const current = await execution(id);
			return current.finished || current.status === 'error' ? current : undefined;
		},
		{ what: `execution ${id} to finish`, timeoutMs, intervalMs: 1_000 },
	);
}

const linqOutput = (done) => done.data.resultData.runData.Linq.at(-1).data.main[0][0].json;
const waitSubscriptionsOf = (executionId) =>
	fake
		.subscriptions()
		.filter((subscription) => subscription.target_url.includes(`/webhook-waiting/${executionId}/`));

async function stillWaiting(id) {
	const current = await execution(id);
	expect(current.status).toBe('waiting');
}

describe('Reply', () => {
	let waiting;
	let subscription;
	let chatId;

	test('the execution waits and one subscription exists for its resume URL', async () => {
		({ execution: waiting } = await startWaiting(waitParameters()));
		const subscriptions = waitSubscriptionsOf(waiting.id);
		expect(subscriptions).toHaveLength(1);
		[subscription] = subscriptions;
		expect(subscription.subscribed_events).toEqual(['message.received']);
		expect(subscription.phone_numbers).toEqual([LINES[0]]);
		const target = new URL(subscription.target_url);
		expect(target.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);
		expect(target.searchParams.get('version')).toBe('2026-02-03');
		const [send] = fake.calls('POST', '/v3/messages');
		expect(send.body.to).toEqual([RECIPIENT]);
		chatId = [...fake.state.chats.values()].find((chat) =>
			chat.handles.some((handle) => handle.handle === RECIPIENT),
		).id;
	});

	test('a forged and an unsigned delivery are refused with 401 and it keeps waiting', async () => {
		const event = messageEvent({ chatId, from: RECIPIENT, text: 'Yes' });
		expect((await fake.deliver(subscription, event, { mode: 'tampered' })).status).toBe(401);
		expect((await fake.deliver(subscription, event, { mode: 'unsigned' })).status).toBe(401);
		await stillWaiting(waiting.id);
	});

	test('a message in another chat and an outbound echo leave it waiting', async () => {
		const other = await fake.deliver(
			subscription,
			messageEvent({ from: '+15550009999', text: 'Yes' }),
		);
		expect(other.status).toBe(200);
		const echo = await fake.deliver(
			subscription,
			messageEvent({ chatId, direction: 'outbound', text: 'Yes' }),
		);
		expect(echo.status).toBe(200);
		await stillWaiting(waiting.id);
	});

	test('the reply "Yes!" finishes it with approved: true and removes the subscription', async () => {
		const reply = messageEvent({ chatId, from: RECIPIENT, text: 'Yes!' });
		expect((await fake.deliver(subscription, reply)).status).toBe(200);
		const done = await finished(waiting.id);
		expect(done.status).toBe('success');
		expect(linqOutput(done)).toMatchObject({
			approved: true,
			opt_out: false,
			timed_out: false,
			reply: { text: 'Yes!', from: RECIPIENT, chat_id: chatId, message_id: reply.data.id },
			sent: { chat_id: chatId, line: LINES[0] },
		});
		expect(waitSubscriptionsOf(waiting.id)).toHaveLength(0);
	});
});

describe('Limit Wait Time', () => {
	let timedOut;

	test('a one-minute limit times out with timed_out: true', async () => {
		({ execution: timedOut } = await startWaiting(
			waitParameters({ resumeAmount: 1, resumeUnit: 'minutes' }),
		));
		expect(waitSubscriptionsOf(timedOut.id)).toHaveLength(1);
		const done = await finished(timedOut.id, 240_000);
		expect(done.status).toBe('success');
		expect(linqOutput(done)).toMatchObject({
			timed_out: true,
			approved: null,
			reply: null,
			sent: { line: LINES[0] },
		});
		expect(linqOutput(done).sent.message_id).toEqual(expect.any(String));
	}, 300_000);

	test('the next run deletes the expired subscription', async () => {
		expect(waitSubscriptionsOf(timedOut.id)).toHaveLength(1);
		await startWaiting(waitParameters({ responseType: 'approval', limitType: 'none' }));
		expect(waitSubscriptionsOf(timedOut.id)).toHaveLength(0);
	});
});

describe('Approval link', () => {
	test('opening the approve link finishes the execution with approved: true', async () => {
		const { execution: waiting } = await startWaiting(
			waitParameters({ responseType: 'approval', limitType: 'none', text: 'Refund $40?' }),
		);
		expect(waitSubscriptionsOf(waiting.id)).toHaveLength(0);
		const sent = fake.calls('POST', '/v3/messages').at(-1).body.message.parts[0].value;
		const approve = /^Approve: (\S+)$/m.exec(sent)[1];
		expect(/^Decline: \S+$/m.test(sent)).toBe(true);
		const opened = await fetch(approve, {
			headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Mobile/15E148' },
		});
		expect(opened.status).toBe(200);
		expect(await opened.text()).toContain('Your answer was recorded');
		const done = await finished(waiting.id);
		expect(done.status).toBe('success');
		expect(linqOutput(done)).toMatchObject({ approved: true, timed_out: false });
	});
});
