'use strict';
/**
 * examples/opt-out-list.json in a real n8n: opt-outs kept in n8n's own Data Table "Linq opt-outs".
 * Signed inbound events from the fake Linq go through Linq Trigger → Switch on `keyword`: STOP
 * adds the sender to the table and is confirmed once, START removes them, anything else is
 * answered only while the sender is not on the table. The manual campaign path skips recipients
 * on the table too. Assertions are on the fake Linq's recorded sends and on the table's rows.
 */
const { messageEvent } = require('../support/fakeLinq');
const { startLinqE2e } = require('./support/linqE2e');
const { activateTriggerExample } = require('./support/runs');
const { waitFor } = require('./support/waitFor');

// The texts the example sends, as a user reads them in examples/opt-out-list.json.
const THANKS = 'Thanks for your message! Someone will answer shortly.';
const UNSUBSCRIBED =
	'You are unsubscribed and will get no more messages from us. Reply START to subscribe again.';
const SUBSCRIBED = 'You are subscribed again. Reply STOP to unsubscribe, HELP for help.';
const HELP =
	'Acme Dental: appointment texts. Reply STOP to unsubscribe, START to subscribe again. Questions? Call +1 555 010 0000.';

let suite;
let table;
let workflow;

beforeAll(async () => {
	suite = await startLinqE2e();
	// The table the example addresses by name, created the way a user would before importing.
	table = await suite.n8n.api('POST', '/data-tables', {
		name: 'Linq opt-outs',
		columns: [
			{ name: 'handle', type: 'string' },
			{ name: 'chat_id', type: 'string' },
			{ name: 'opted_out_at', type: 'string' },
		],
	});
	workflow = await activateTriggerExample(suite, 'opt-out-list.json', {
		linqAppApi: suite.credentialId,
	});
}, 600_000);

afterAll(async () => {
	await suite?.dispose();
});

// Each test starts from an empty list, so one failing test does not decide the next.
beforeEach(async () => {
	await suite.n8n.api('DELETE', `/data-tables/${table.id}/rows/clear`);
});

async function rows() {
	const page = await suite.n8n.api('GET', `/data-tables/${table.id}/rows?limit=100`);
	return page.data.map(({ handle, chat_id, opted_out_at }) => ({ handle, chat_id, opted_out_at }));
}

async function finishedExecutions() {
	const list = await suite.n8n.api('GET', `/executions?workflowId=${workflow.id}&limit=100`);
	return list.data.filter((entry) => entry.finished || entry.stoppedAt);
}

/**
 * Sends `text` from `from` in `chatId` as a signed Linq event and waits until the execution it
 * started has finished; returns the texts the workflow sent into that chat meanwhile.
 */
async function textFrom({ chatId, from }, text) {
	const before = (await finishedExecutions()).length;
	const sentBefore = suite.fake.calls('POST', `/v3/chats/${chatId}/messages`).length;
	const delivery = await suite.fake.deliver(
		suite.fake.subscriptions()[0],
		messageEvent({ chatId, from, text }),
	);
	expect(delivery.status).toBe(200);
	const finished = await waitFor(
		async () => {
			const list = await finishedExecutions();
			return list.length > before ? list : undefined;
		},
		{ what: `the execution for "${text}" to finish`, timeoutMs: 120_000 },
	);
	expect(finished).toHaveLength(before + 1);
	expect(finished.every((execution) => execution.status === 'success')).toBe(true);
	return suite.fake
		.calls('POST', `/v3/chats/${chatId}/messages`)
		.slice(sentBefore)
		.map((call) => call.body.message.parts.map((part) => part.value).join('\n'));
}

test('STOP puts the sender on the Data Table list and ends the replies until START', async () => {
	const [chatId] = suite.fake.seedChats(1);
	const from = suite.fake.state.chats.get(chatId).handles.find((handle) => !handle.is_me).handle;
	const customer = { chatId, from };

	await expect(textFrom(customer, 'Hello, is anyone there?')).resolves.toEqual([THANKS]);
	await expect(rows()).resolves.toEqual([]);

	await expect(textFrom(customer, 'STOP')).resolves.toEqual([UNSUBSCRIBED]);
	const listed = await rows();
	expect(listed).toEqual([{ handle: from, chat_id: chatId, opted_out_at: expect.any(String) }]);
	expect(Number.isNaN(Date.parse(listed[0].opted_out_at))).toBe(false);

	// On the list: an ordinary message gets no answer, HELP still does, a second STOP is no new row.
	await expect(textFrom(customer, 'Are you open tomorrow?')).resolves.toEqual([]);
	await expect(textFrom(customer, 'help')).resolves.toEqual([HELP]);
	await expect(textFrom(customer, 'Stop.')).resolves.toEqual([UNSUBSCRIBED]);
	await expect(rows()).resolves.toEqual([
		{ handle: from, chat_id: chatId, opted_out_at: expect.any(String) },
	]);

	await expect(textFrom(customer, 'start')).resolves.toEqual([SUBSCRIBED]);
	await expect(rows()).resolves.toEqual([]);
	await expect(textFrom(customer, 'Are you open tomorrow?')).resolves.toEqual([THANKS]);
});

test('the campaign path skips a recipient on the list and texts the others', async () => {
	// Dana (+15557654321, one of the example's two sample recipients) texts STOP first.
	const [chatId] = suite.fake.seedChats(1);
	await expect(textFrom({ chatId, from: '+15557654321' }, 'UNSUBSCRIBE')).resolves.toEqual([
		UNSUBSCRIBED,
	]);
	await expect(rows()).resolves.toEqual([
		{ handle: '+15557654321', chat_id: chatId, opted_out_at: expect.any(String) },
	]);

	const before = (await finishedExecutions()).length;
	await suite.n8n.rest('POST', `/workflows/${workflow.id}/run`, {
		triggerToStartFrom: { name: 'Send the campaign' },
	});
	const finished = await waitFor(
		async () => {
			const list = await finishedExecutions();
			return list.length > before ? list : undefined;
		},
		{ what: 'the campaign run to finish', timeoutMs: 120_000 },
	);
	expect(finished[0].status).toBe('success');
	const sends = suite.fake
		.calls('POST', '/v3/messages')
		.map((call) => ({ to: call.body.to, text: call.body.message.parts[0].value }));
	expect(sends).toEqual([
		{
			to: ['+15557654322'],
			text: 'Hi Sam, Acme Dental has free evening slots this week. Reply to book one, or STOP to unsubscribe.',
		},
	]);
});
