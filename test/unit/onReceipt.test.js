'use strict';
/**
 * Mark as Read on Receipt and Show Typing on Receipt: each delivery goes through webhook() and,
 * when it emits, through execute() with the emitted items, as n8n runs them. nock counts every
 * request that reaches Linq.
 */
const nock = require('nock');
const { LinqTrigger } = require('../../nodes/LinqTrigger/LinqTrigger.node');
const { receiptActions } = require('../../nodes/shared/delivery/onReceipt');
const {
	BASE_URL,
	TEST_SIGNING_SECRET,
	createExecuteContext,
	defaultCredentials,
} = require('../support/harness');
const { createTriggerContext, signDelivery, triggerNode } = require('../support/webhookContext');
const {
	messageEventV1,
	messageEventV2,
	reactionEvent,
	textPart,
} = require('../support/linqEvents');

const trigger = new LinqTrigger();
const CHAT = 'chat_3001';
const credentials = defaultCredentials({ webhookSigningSecret: TEST_SIGNING_SECRET });
const bothOn = { markAsReadOnReceipt: true, showTypingOnReceipt: true };

function params(options = bothOn, events = ['message.received']) {
	return { events, lines: [], options };
}

/**
 * One workflow: every delivery runs webhook(); an emitted one starts an execution whose first
 * step is the trigger's execute(). Returns the items of that step, or undefined.
 */
function workflow(nodeParams = params()) {
	const staticData = {};
	return async function deliver(delivery) {
		const hook = createTriggerContext({
			params: nodeParams,
			credentials,
			staticData,
			request: delivery,
		});
		const result = await trigger.webhook.call(hook);
		if (!result.workflowData) return { status: hook.response.statusCode ?? 200 };
		const run = createExecuteContext({
			params: nodeParams,
			items: result.workflowData[0],
			credentials,
			node: triggerNode(),
			staticData: staticData['node:Linq Trigger'],
			mode: 'webhook',
		});
		const [items] = await trigger.execute.call(run);
		return { status: 200, items, requests: run.requests };
	};
}

/** Linq's answers to the two calls, each expected exactly `times` times. */
function linq({ read = 1, typing = 1, readStatus = 204, typingStatus = 204 } = {}) {
	const scope = nock(BASE_URL);
	if (read > 0) scope.post(`/v3/chats/${CHAT}/read`).times(read).reply(readStatus, '');
	if (typing > 0) scope.post(`/v3/chats/${CHAT}/typing`).times(typing).reply(typingStatus, '');
	return scope;
}

function receivedFrom(options = {}) {
	return signDelivery(messageEventV2(options));
}

test('an emitted inbound message is marked read and typing starts, once each', async () => {
	const scope = linq();
	const deliver = workflow();
	const { items, requests } = await deliver(receivedFrom());
	expect(scope.isDone()).toBe(true);
	expect(requests.map((request) => `${request.method} ${request.url}`).sort()).toEqual([
		`POST ${BASE_URL}/v3/chats/${CHAT}/read`,
		`POST ${BASE_URL}/v3/chats/${CHAT}/typing`,
	]);
	expect(
		requests.every((request) => request.headers.Authorization === `Bearer ${credentials.apiToken}`),
	).toBe(true);
	expect(items).toHaveLength(1);
	expect(items[0].json.on_receipt_errors).toBeUndefined();
	expect(items[0].json.chat_id).toBe(CHAT);
});

test('each emitted event gets its own read and typing; a redelivery gets none', async () => {
	const scope = linq({ read: 2, typing: 2 });
	const deliver = workflow();
	const first = receivedFrom();
	expect((await deliver(first)).items).toHaveLength(1);
	expect((await deliver(first)).items).toBeUndefined();
	expect(
		(await deliver(signDelivery(JSON.parse(first.rawBody), { id: 'msg_resent' }))).items,
	).toBeUndefined();
	expect((await deliver(receivedFrom())).items).toHaveLength(1);
	expect(scope.isDone()).toBe(true);
});

test('no call for a forged, filtered or outbound event', async () => {
	const deliver = workflow(
		params({ ...bothOn, allowedSenders: '+15551230001', includeOwnOutbound: true }, [
			'message.received',
			'message.sent',
			'reaction.added',
		]),
	);
	const forged = receivedFrom();
	forged.rawBody = Buffer.from(forged.rawBody.toString().replace('Hello there', 'Hello theirs'));
	expect((await deliver(forged)).status).toBe(401);
	expect((await deliver(receivedFrom({ from: '+15559990000' }))).items).toBeUndefined();
	const own = await deliver(receivedFrom({ eventType: 'message.sent', direction: 'outbound' }));
	expect(own.items).toHaveLength(1);
	expect(own.requests).toEqual([]);
	const ownReceived = await deliver(receivedFrom({ direction: 'outbound' }));
	expect(ownReceived.items).toHaveLength(1);
	expect(ownReceived.requests).toEqual([]);
	const reaction = await deliver(signDelivery(reactionEvent()));
	expect(reaction.items).toHaveLength(1);
	expect(reaction.requests).toEqual([]);
	expect(nock.pendingMocks()).toEqual([]);
});

test('in a group chat the chat is marked read and typing is skipped', async () => {
	const scope = linq({ typing: 0 });
	const { items, requests } = await workflow()(receivedFrom({ isGroup: true }));
	expect(scope.isDone()).toBe(true);
	expect(requests).toHaveLength(1);
	expect(items[0].json.on_receipt_errors).toBeUndefined();
});

test('a failed call is noted on the item and the event still arrives', async () => {
	const scope = nock(BASE_URL)
		.post(`/v3/chats/${CHAT}/read`)
		.reply(404, { code: 4040, message: 'Chat not found', trace_id: 'tr_1' })
		.post(`/v3/chats/${CHAT}/typing`)
		.reply(204, '');
	const { items } = await workflow()(receivedFrom());
	expect(scope.isDone()).toBe(true);
	expect(items).toHaveLength(1);
	expect(items[0].json.text).toBe('Hello there');
	expect(items[0].json.on_receipt_errors).toEqual([
		{ action: 'mark_as_read', error: 'Linq API error 404 (code 4040): Chat not found' },
	]);
});

test('both failing are both noted, the token never', async () => {
	const scope = nock(BASE_URL)
		.post(`/v3/chats/${CHAT}/read`)
		.reply(401, { message: `bad token ${credentials.apiToken}` })
		.post(`/v3/chats/${CHAT}/typing`)
		.reply(403, { message: 'Typing indicators are not supported in group chats' });
	const { items } = await workflow()(signDelivery(messageEventV1()));
	expect(scope.isDone()).toBe(true);
	const errors = items[0].json.on_receipt_errors;
	expect(errors.map((entry) => entry.action)).toEqual(['mark_as_read', 'start_typing']);
	expect(errors[1].error).toContain('403');
	expect(JSON.stringify(errors)).not.toContain(credentials.apiToken);
});

test('only the options that are on make calls; off by default', async () => {
	const readOnly = linq({ typing: 0 });
	expect(
		(await workflow(params({ markAsReadOnReceipt: true }))(receivedFrom())).requests,
	).toHaveLength(1);
	expect(readOnly.isDone()).toBe(true);
	const typingOnly = linq({ read: 0 });
	expect(
		(await workflow(params({ showTypingOnReceipt: true }))(receivedFrom())).requests,
	).toHaveLength(1);
	expect(typingOnly.isDone()).toBe(true);
	expect((await workflow(params({}))(receivedFrom())).requests).toEqual([]);
});

test('the options are off in a new node', () => {
	const options = trigger.description.properties.find((property) => property.name === 'options');
	const byName = Object.fromEntries(options.options.map((option) => [option.name, option.default]));
	expect(byName).toMatchObject({
		markAsReadOnReceipt: false,
		showTypingOnReceipt: false,
		optOutMessages: 'emit',
	});
});

describe('receiptActions', () => {
	const on = { markAsRead: true, showTyping: true };
	const event = {
		event_type: 'message.received',
		direction: 'inbound',
		chat_id: CHAT,
		is_group: false,
	};
	test.each([
		['a direct chat', event, ['mark_as_read', 'start_typing']],
		['a group chat', { ...event, is_group: true }, ['mark_as_read']],
		[
			'an older payload that does not say',
			{ ...event, is_group: null },
			['mark_as_read', 'start_typing'],
		],
		['an outbound message', { ...event, direction: 'outbound' }, []],
		['an unknown direction', { ...event, direction: null }, []],
		['an edit', { ...event, event_type: 'message.edited' }, []],
		['no chat', { ...event, chat_id: null }, []],
		['a chat ID that would change the path', { ...event, chat_id: '../webhook-subscriptions' }, []],
	])('%s', (_, shaped, actions) => {
		expect(receiptActions(shaped, on)).toEqual(actions);
	});
});

describe('opt-out words', () => {
	test('are emitted flagged by default', async () => {
		const { items } = await workflow(params({}))(receivedFrom({ parts: [textPart('STOP')] }));
		expect(items[0].json).toMatchObject({
			keyword: 'stop',
			opt_out: true,
			opt_in: false,
			help: false,
		});
	});

	test('start no workflow and get no receipt when Opt-Out Messages is Skip', async () => {
		const deliver = workflow(params({ ...bothOn, optOutMessages: 'skip' }));
		const skipped = await deliver(receivedFrom({ parts: [textPart('Unsubscribe.')] }));
		expect(skipped).toEqual({ status: 200 });
		const scope = linq();
		const help = await deliver(receivedFrom({ parts: [textPart('HELP')] }));
		expect(help.items[0].json).toMatchObject({ keyword: 'help', help: true, opt_out: false });
		expect(scope.isDone()).toBe(true);
	});

	test('a sentence is not a keyword, and outbound texts are never flagged', async () => {
		const deliver = workflow(
			params({ includeOwnOutbound: true }, ['message.received', 'message.sent']),
		);
		const sentence = await deliver(receivedFrom({ parts: [textPart('please stop by at 5')] }));
		expect(sentence.items[0].json).toMatchObject({ keyword: null, opt_out: false });
		const own = await deliver(
			receivedFrom({ eventType: 'message.sent', direction: 'outbound', parts: [textPart('STOP')] }),
		);
		expect(own.items[0].json).toMatchObject({ keyword: null, opt_out: false });
	});

	test('whatever the service', async () => {
		const event = messageEventV2({ parts: [textPart('stop')] });
		event.data.service = 'SMS';
		const { items } = await workflow(params({}))(signDelivery(event));
		expect(items[0].json).toMatchObject({ service: 'SMS', opt_out: true });
		const v1 = await workflow(params({}))(
			signDelivery(messageEventV1({ parts: [textPart('Opt out')] })),
		);
		expect(v1.items[0].json).toMatchObject({ opt_out: true });
	});
});
