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
const { actionWorkflow, exampleWorkflow } = require('./support/workflows');
const { waitFor } = require('./support/waitFor');

const RECIPIENT = '+15557654321';

let suite;
let fake;
let n8n;
let sequence = 0;
/** Executions already seen waiting, so a new wait is told apart by its resume URL. */
const seenWaits = [];

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
	// The public API of n8n 2.8 lists no waiting executions: find the id in the resume URL that
	// the wait subscription or the approval link carries, then read the execution by id.
	const executionId = await waitFor(
		() => {
			const latest = fake.calls('POST', '/v3/messages').at(-1);
			const fromLink = /\/webhook-waiting\/([^/]+)\//.exec(
				latest?.body.message.parts[0].value ?? '',
			);
			const known = new Set(seenWaits);
			if (parameters.responseType === 'approval') {
				return fromLink && !known.has(fromLink[1]) ? fromLink[1] : undefined;
			}
			const fresh = fake
				.subscriptions()
				.map((subscription) => /\/webhook-waiting\/([^/]+)\//.exec(subscription.target_url)?.[1])
				.find((id) => id !== undefined && !known.has(id));
			return fresh;
		},
		{ what: 'the resume URL of the new wait' },
	);
	seenWaits.push(executionId);
	const execution = await waitFor(
		async () => {
			const current = await n8n.api('GET', `/executions/${executionId}?includeData=true`);
			if (!['waiting', 'running', 'new'].includes(current.status)) {
				throw new Error(
					`the execution ended ${current.status}: ${JSON.stringify(current.data?.resultData?.error ?? {}).slice(0, 500)}`,
				);
			}
			return current.status === 'waiting' ? current : undefined;
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
		const [expired] = waitSubscriptionsOf(timedOut.id);
		expect(expired).toBeDefined();
		// The expiry in the URL is whole seconds, rounded up from n8n's wait time, and n8n's timer
		// runs on the monotonic clock: wait until the wall clock has passed the expiry too.
		const expiresAt = Number(
			new URL(expired.target_url).searchParams.get('linq_wait').split('.')[0],
		);
		await waitFor(() => Date.now() / 1000 > expiresAt, {
			what: 'the wall clock to pass the wait subscription expiry',
			timeoutMs: 120_000,
		});
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

describe('examples/', () => {
	/** Every inbound message on a line reaches every wait subscription there, as at Linq. */
	async function deliverToAllWaits(event) {
		const waits = fake
			.subscriptions()
			.filter((subscription) => subscription.target_url.includes('/webhook-waiting/'));
		for (const subscription of waits) await fake.deliver(subscription, event);
	}

	const chatWith = (handle) =>
		[...fake.state.chats.values()].find((chat) =>
			chat.handles.some((entry) => entry.handle === handle && !entry.is_me),
		).id;

	test('appointment-reminder.json: one wait per appointment; YES is thanked, no goes to the front desk', async () => {
		const workflow = await n8n.api(
			'POST',
			'/workflows',
			exampleWorkflow('appointment-reminder.json', { linqAppApi: suite.credentialId }),
		);
		await n8n.rest('POST', `/workflows/${workflow.id}/run`, {
			triggerToStartFrom: { name: 'Every morning at 9' },
		});
		const reminders = await waitFor(
			() => {
				const sent = fake
					.calls('POST', '/v3/messages')
					.filter((call) => /Acme Dental/.test(call.body.message.parts[0].value));
				return sent.length === 2 ? sent : undefined;
			},
			{ what: 'two reminders' },
		);
		expect(reminders.map((call) => call.body.to[0]).sort()).toEqual([
			'+15557654321',
			'+15557654322',
		]);
		await waitFor(
			() =>
				fake
					.subscriptions()
					.filter((subscription) => subscription.target_url.includes('/webhook-waiting/'))
					.filter(
						(subscription) =>
							!seenWaits.some((id) => subscription.target_url.includes(`/webhook-waiting/${id}/`)),
					).length === 2,
			{ what: 'both sub-executions to wait' },
		);

		const dana = chatWith('+15557654321');
		const sam = chatWith('+15557654322');
		await deliverToAllWaits(messageEvent({ chatId: dana, from: '+15557654321', text: 'YES' }));
		await deliverToAllWaits(messageEvent({ chatId: sam, from: '+15557654322', text: 'no' }));

		const thanks = await waitFor(() => fake.calls('POST', `/v3/chats/${dana}/messages`)[0], {
			what: 'the thank-you in Dana’s chat',
		});
		expect(thanks.body.message.parts[0].value).toBe('Thank you, Dana! See you tomorrow at 10:00.');
		const desk = await waitFor(
			() => fake.calls('POST', '/v3/messages').find((call) => call.body.to[0] === '+15550001000'),
			{ what: 'the front desk’s message' },
		);
		expect(desk.body.message.parts[0].value).toBe(
			'Sam (+15557654322) has not confirmed tomorrow\'s 14:30 appointment: they replied "no"',
		);
	});

	test('refund-approval.json: the manager’s approve link tells the customer', async () => {
		const workflow = await n8n.api(
			'POST',
			'/workflows',
			exampleWorkflow('refund-approval.json', { linqAppApi: suite.credentialId }),
		);
		await n8n.api('POST', `/workflows/${workflow.id}/activate`);
		const request = { customer: 'Dana', amount: 40, order: '1234', customerPhone: '+15557654321' };
		await waitFor(
			async () =>
				(await n8n.request('POST', '/webhook/refund-request', { body: request })).status === 200,
			{ what: 'the refund webhook' },
		);
		const ask = await waitFor(
			() => fake.calls('POST', '/v3/messages').find((call) => call.body.to[0] === '+15550002000'),
			{ what: 'the message to the manager' },
		);
		const text = ask.body.message.parts[0].value;
		expect(text).toMatch(
			/^Refund request: Dana asks for \$40 back on order 1234\.\n\nApprove: \S+\nDecline: \S+$/,
		);
		const approve = /^Approve: (\S+)$/m.exec(text)[1];
		const executionId = /\/webhook-waiting\/([^/]+)\//.exec(approve)[1];
		await waitFor(
			async () => (await n8n.api('GET', `/executions/${executionId}`)).status === 'waiting',
			{ what: 'the execution to wait' },
		);
		expect((await fetch(approve)).status).toBe(200);
		const told = await waitFor(
			() =>
				fake
					.calls('POST', '/v3/messages')
					.find(
						(call) =>
							call.body.to[0] === '+15557654321' && /refund/.test(call.body.message.parts[0].value),
					),
			{ what: 'the message to the customer' },
		);
		expect(told.body.message.parts[0].value).toBe(
			'Good news: your refund of $40 for order 1234 was approved.',
		);
	});
});
