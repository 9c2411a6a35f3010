'use strict';
/**
 * Message → Send and Wait for Response: the wait subscription's target URL and its expiry,
 * garbage collection of expired waits, the per-line bound, the sealed state in the execution,
 * and the resume URL's answers to every kind of delivery. HTTP goes through nock; deliveries
 * carry real signatures (standardwebhooks as the oracle).
 */
const nock = require('nock');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { seal, unseal, newSealKey } = require('../../nodes/shared/seal');
const {
	MAX_REPLY_WAITS_PER_LINE,
	WAIT_PARAM,
	deleteExpiredWaits,
	instanceTag,
	ownWaitSubscriptions,
	parseWaitTarget,
	waitTargetParameters,
	waitsOnLine,
} = require('../../nodes/shared/waitSubscriptions');
const { isLinkPreview } = require('../../nodes/Linq/actions/message/resumeWait');
const { validateUrlSignature } = require('n8n-core');
const { BASE_URL, TEST_SIGNING_SECRET, createExecuteContext } = require('../support/harness');
const { hmacSecret } = require('../support/n8nRuntime');
const { createTriggerContext, signDelivery } = require('../support/webhookContext');
const { messageEventV2, LINE, SENDER } = require('../support/linqEvents');

const WAITING = 'https://n8n.example.com/webhook-waiting';
const INSTANCE = 'instance-e2e-0001';
const TAG = instanceTag(INSTANCE);
const CHAT = '550e8400-e29b-41d4-a716-446655440000';
const SENT_ID = '69a37c7d-af4f-4b5e-af42-e28e98ce873a';
const now = () => Math.floor(Date.now() / 1000);

const linq = () => nock(BASE_URL);

/** A subscription as Linq lists it, for a wait of this instance unless told otherwise. */
function listed(id, { expiresAt = now() + 3600, tag = TAG, lines = [LINE] } = {}) {
	const query = new URLSearchParams(waitTargetParameters(expiresAt, tag)).toString();
	return {
		id,
		target_url: `${WAITING}/exec-${id}/node-0001?${query}&signature=abc`,
		subscribed_events: ['message.received'],
		phone_numbers: lines,
		is_active: true,
	};
}

/**
 * n8n's execute context for Send and Wait: its custom data, signed resume URL and
 * putExecutionToWait are n8n-core's own (the wait lands in `ctx.runExecutionData.waitTill`).
 */
function waitContext(params, { items = [{ json: { input: true } }] } = {}) {
	return createExecuteContext({
		params: { resource: 'message', operation: 'sendAndWait', options: {}, ...params },
		items,
		mode: 'trigger',
	});
}

/** Whether n8n would accept `url` as one of its signed resume URLs. */
function signedByN8n(url) {
	const parsed = new URL(url);
	return validateUrlSignature(parsed.searchParams.get('signature') ?? '', parsed, hmacSecret());
}

async function run(ctx) {
	const [out] = await new Linq().execute.call(ctx);
	return out;
}

describe('the wait subscription’s target URL', () => {
	test('carries the expiry (rounded up) and the instance tag, and reads back', () => {
		const parameters = waitTargetParameters(1_900_000_000.2, TAG);
		expect(parameters).toEqual({ version: '2026-02-03', [WAIT_PARAM]: `1900000001.${TAG}` });
		const url = `${WAITING}/9/node?${new URLSearchParams(parameters)}&signature=x`;
		expect(parseWaitTarget(url)).toEqual({ expiresAt: 1_900_000_001, tag: TAG });
	});

	test.each([
		['a trigger URL', 'https://n8n.example.com/webhook/abc/webhook?version=2026-02-03'],
		['no tag', `${WAITING}/1/n?${WAIT_PARAM}=1900000000`],
		['a short tag', `${WAITING}/1/n?${WAIT_PARAM}=1900000000.abc`],
		['a far expiry', `${WAITING}/1/n?${WAIT_PARAM}=19000000000.${TAG}`],
		['not a number', `${WAITING}/1/n?${WAIT_PARAM}=soon.${TAG}`],
		['not a URL', 'no url'],
		['not a string', 42],
		['an overlong URL', `${WAITING}/1/n?${WAIT_PARAM}=1.${TAG}&x=${'a'.repeat(5000)}`],
	])('is not read from %s', (_, url) => {
		expect(parseWaitTarget(url)).toBeUndefined();
	});

	test('the tag names the instance without showing its id', () => {
		expect(TAG).toHaveLength(16);
		expect(TAG).not.toContain(INSTANCE);
		expect(instanceTag('another-instance')).not.toBe(TAG);
	});
});

describe('garbage collection and the per-line count', () => {
	test('only this instance’s wait subscriptions are its own', () => {
		const own = ownWaitSubscriptions(
			[
				listed('a'),
				listed('b', { tag: instanceTag('other') }),
				{ id: 'c', target_url: 'https://n8n.example.com/webhook/x/webhook?version=2026-02-03' },
				listed('d', { lines: null }),
				null,
			],
			TAG,
		);
		expect(own.map((wait) => wait.id)).toEqual(['a', 'd']);
		expect(own[1].lines).toEqual([]);
	});

	test('expired waits of this instance are deleted, running ones kept, others untouched', async () => {
		const ctx = createTriggerContext();
		const deleted = [];
		linq()
			.delete(/\/v3\/webhook-subscriptions\/.+/)
			.times(2)
			.reply((path) => (deleted.push(path.split('/').pop()), [204]));
		const running = await deleteExpiredWaits.call(
			ctx,
			[
				listed('expired', { expiresAt: now() - 1 }),
				listed('running'),
				listed('other-instance', { expiresAt: now() - 1, tag: instanceTag('other') }),
				listed('just-expired', { expiresAt: now() }),
			],
			now(),
		);
		expect(deleted.sort()).toEqual(['expired', 'just-expired']);
		expect(running.map((wait) => wait.id)).toEqual(['running']);
	});

	test('a deletion that fails is logged and the others still happen; a 404 counts as deleted', async () => {
		const ctx = createTriggerContext();
		linq()
			.delete('/v3/webhook-subscriptions/gone')
			.reply(404, { code: 2004, message: 'Not found' });
		linq().delete('/v3/webhook-subscriptions/broken').reply(400, { code: 1000, message: 'No' });
		linq().delete('/v3/webhook-subscriptions/fine').reply(204);
		const running = await deleteExpiredWaits.call(
			ctx,
			['gone', 'broken', 'fine'].map((id) => listed(id, { expiresAt: now() - 60 })),
			now(),
		);
		expect(running).toEqual([]);
		expect(nock.isDone()).toBe(true);
		expect(
			ctx.logs.filter((entry) => entry.level === 'warn').map((entry) => entry.message),
		).toEqual([expect.stringContaining('broken')]);
	});

	test('waits on all lines count on every line; without a line the busiest counts', () => {
		const waits = [
			{ id: '1', expiresAt: 0, lines: ['+15550000001'] },
			{ id: '2', expiresAt: 0, lines: ['+15550000001'] },
			{ id: '3', expiresAt: 0, lines: ['+15550000002'] },
			{ id: '4', expiresAt: 0, lines: [] },
		];
		expect(waitsOnLine(waits, '+1 555 000 0001')).toBe(3);
		expect(waitsOnLine(waits, '+15550000002')).toBe(2);
		expect(waitsOnLine(waits, '+15550000009')).toBe(1);
		expect(waitsOnLine(waits, null)).toBe(3);
		expect(waitsOnLine([], null)).toBe(0);
	});
});

describe('sealing', () => {
	test('opens with its key only, and not after a change', () => {
		const key = newSealKey();
		const sealed = seal('{"s":"whsec_x"}', key);
		expect(sealed).not.toContain('whsec');
		expect(unseal(sealed, key)).toBe('{"s":"whsec_x"}');
		expect(unseal(sealed, newSealKey())).toBeUndefined();
		const flipped = Buffer.from(sealed, 'base64url');
		flipped[flipped.length - 1] ^= 1;
		expect(unseal(flipped.toString('base64url'), key)).toBeUndefined();
	});

	test.each([
		['missing', undefined],
		['too short', 'abc'],
		['not base64url', `${'a'.repeat(42)}+`],
		['trailing bits changed', `${newSealKey().slice(0, 42)}B`],
	])('refuses a key that is %s', (_, key) => {
		const sealed = seal('x', newSealKey());
		expect(unseal(sealed, key)).toBeUndefined();
	});
});

describe('Send and Wait (Reply)', () => {
	const toParams = {
		sendTo: 'to',
		to: SENDER,
		text: 'Your appointment is tomorrow at 10:00. Reply YES to confirm.',
		responseType: 'reply',
		limitType: 'afterTimeInterval',
		resumeAmount: 1,
		resumeUnit: 'days',
	};

	function replyFlow({ running = [] } = {}) {
		const requests = {};
		linq().get('/v3/webhook-subscriptions').reply(200, { subscriptions: running });
		linq()
			.post('/v3/webhook-subscriptions', (body) => ((requests.subscribe = body), true))
			.reply(201, { id: 'sub_wait', signing_secret: TEST_SIGNING_SECRET, ...{} });
		linq()
			.post('/v3/messages', (body) => ((requests.send = body), true))
			.reply(202, { chat_id: CHAT, from: LINE, message: { id: SENT_ID } });
		linq()
			.put('/v3/webhook-subscriptions/sub_wait', (body) => ((requests.narrow = body), true))
			.reply(200, {});
		return requests;
	}

	test('subscribes the signed resume URL, sends, narrows to the line, and waits with the limit', async () => {
		const requests = replyFlow({ running: [listed('old', { expiresAt: now() - 5 })] });
		linq().delete('/v3/webhook-subscriptions/old').reply(204);
		const ctx = waitContext(toParams);
		const before = Date.now();
		const [out] = await run(ctx);

		expect(nock.isDone()).toBe(true);
		const target = new URL(requests.subscribe.target_url);
		expect(target.pathname).toBe('/webhook-waiting/exec-1001/node-0001');
		expect(signedByN8n(requests.subscribe.target_url)).toBe(true);
		expect(target.searchParams.get('version')).toBe('2026-02-03');
		const parsed = parseWaitTarget(requests.subscribe.target_url);
		expect(parsed.tag).toBe(TAG);
		expect(parsed.expiresAt).toBe(Math.ceil(ctx.runExecutionData.waitTill.getTime() / 1000));
		expect(target.searchParams.get('linq_key')).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(requests.subscribe.subscribed_events).toEqual(['message.received']);
		expect(requests.subscribe.phone_numbers).toBeUndefined();
		expect(requests.send.to).toEqual([SENDER]);
		expect(requests.narrow).toEqual({ phone_numbers: [LINE] });

		expect(ctx.runExecutionData.waitTill.getTime() - before).toBeGreaterThanOrEqual(86_400_000);
		expect(ctx.runExecutionData.waitTill.getTime() - before).toBeLessThan(86_400_000 + 60_000);
		// The time-out output replaces what n8n passes on when the wait ends without an answer.
		expect(ctx.executeData.data.main).toEqual([
			[
				{
					json: {
						approved: null,
						opt_out: false,
						timed_out: true,
						reply: null,
						sent: { message_id: SENT_ID, chat_id: CHAT, line: LINE },
					},
					pairedItem: { item: 0 },
				},
			],
		]);
		expect(out.json).toMatchObject({ waiting: true, sent: { message_id: SENT_ID } });
		// The secret is in the execution only sealed.
		// n8n logs an error for a custom data value over 255 characters.
		const stored = ctx.customData.getAll();
		expect(Object.keys(stored)).toEqual(['linq_wait_node0001', 'linq_seal_node0001']);
		for (const value of Object.values(stored)) {
			expect(value).not.toContain('whsec_');
			expect(value.length).toBeLessThanOrEqual(255);
		}
	});

	test('a chat’s wait listens on the chat’s line from the start', async () => {
		let subscribe;
		linq().get('/v3/webhook-subscriptions').reply(200, { subscriptions: [] });
		linq()
			.get(`/v3/chats/${CHAT}`)
			.reply(200, {
				id: CHAT,
				handles: [
					{ handle: SENDER, is_me: false },
					{ handle: LINE, is_me: true },
				],
			});
		linq()
			.post('/v3/webhook-subscriptions', (body) => ((subscribe = body), true))
			.reply(201, { id: 'sub_wait', signing_secret: TEST_SIGNING_SECRET });
		linq()
			.post(`/v3/chats/${CHAT}/messages`)
			.reply(202, { chat_id: CHAT, message: { id: SENT_ID } });
		await run(
			waitContext({ ...toParams, sendTo: 'chat', chatId: { __rl: true, mode: 'id', value: CHAT } }),
		);
		expect(nock.isDone()).toBe(true);
		expect(subscribe.phone_numbers).toEqual([LINE]);
	});

	test(`one wait more than ${MAX_REPLY_WAITS_PER_LINE} on a line is refused before anything is created or sent`, async () => {
		const running = Array.from({ length: MAX_REPLY_WAITS_PER_LINE }, (_, index) =>
			listed(`w${index}`),
		);
		linq().get('/v3/webhook-subscriptions').reply(200, { subscriptions: running });
		await expect(run(waitContext(toParams))).rejects.toThrow(
			`${MAX_REPLY_WAITS_PER_LINE} executions already wait for a reply`,
		);
		expect(nock.isDone()).toBe(true);
	});

	test('other instances’ waits and expired ones do not count', async () => {
		const running = [
			...Array.from({ length: MAX_REPLY_WAITS_PER_LINE }, (_, index) =>
				listed(`o${index}`, { tag: instanceTag('other') }),
			),
			listed('gone', { expiresAt: now() - 1 }),
		];
		linq().delete('/v3/webhook-subscriptions/gone').reply(204);
		const requests = replyFlow({ running });
		await run(waitContext(toParams));
		expect(requests.send).toBeDefined();
	});

	test('a failed send deletes the new subscription', async () => {
		linq().get('/v3/webhook-subscriptions').reply(200, { subscriptions: [] });
		linq()
			.post('/v3/webhook-subscriptions')
			.reply(201, { id: 'sub_wait', signing_secret: TEST_SIGNING_SECRET });
		linq().post('/v3/messages').reply(400, { code: 1001, message: 'Invalid recipient' });
		linq().delete('/v3/webhook-subscriptions/sub_wait').reply(204);
		const ctx = waitContext(toParams);
		await expect(run(ctx)).rejects.toThrow();
		expect(nock.isDone()).toBe(true);
		expect(ctx.runExecutionData.waitTill).toBeUndefined();
	});

	test('full custom data refuses the wait before sending', async () => {
		linq().get('/v3/webhook-subscriptions').reply(200, { subscriptions: [] });
		linq()
			.post('/v3/webhook-subscriptions')
			.reply(201, { id: 'sub_wait', signing_secret: TEST_SIGNING_SECRET });
		linq().delete('/v3/webhook-subscriptions/sub_wait').reply(204);
		const ctx = waitContext(toParams);
		ctx.customData = { set() {}, get: () => undefined };
		await expect(run(ctx)).rejects.toThrow('n8n did not keep the state of the wait');
		expect(nock.isDone()).toBe(true);
	});

	test.each([
		[{ limitType: 'none' }, 'a reply wait needs one'],
		[{ resumeAmount: 0 }, 'must end in the future'],
		[
			{ limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00Z' },
			'must end in the future',
		],
		[{ resumeAmount: 400 }, 'within a year'],
	])('Limit Wait Time %j is refused with nothing sent', async (limit, message) => {
		await expect(run(waitContext({ ...toParams, ...limit }))).rejects.toThrow(message);
	});

	test('only the first item waits', async () => {
		const requests = replyFlow();
		const ctx = waitContext(toParams, { items: [{ json: {} }, { json: {} }, { json: {} }] });
		const out = await run(ctx);
		expect(out).toHaveLength(1);
		expect(requests.send).toBeDefined();
	});
});

describe('Send and Wait (Approval link)', () => {
	const approvalParams = {
		sendTo: 'to',
		to: SENDER,
		text: 'Refund $40?',
		responseType: 'approval',
		approvalLinks: 'approve',
		limitType: 'none',
	};

	test('a failed list of expired subscriptions is logged and the approval still goes out', async () => {
		linq().get('/v3/webhook-subscriptions').reply(400, { code: 1000, message: 'No' });
		linq()
			.post('/v3/messages')
			.reply(202, { chat_id: CHAT, from: LINE, message: { id: SENT_ID } });
		const ctx = waitContext(approvalParams);
		const warnings = [];
		ctx.logger = { ...ctx.logger, warn: (message) => warnings.push(message) };
		await run(ctx);
		expect(nock.isDone()).toBe(true);
		expect(warnings).toEqual([expect.stringContaining('could not clear expired')]);
	});

	test('as an AI Agent tool it refuses, with nothing sent', async () => {
		const ctx = waitContext(approvalParams);
		ctx.isToolExecution = () => true;
		await expect(run(ctx)).rejects.toThrow('cannot run as an AI Agent tool');
	});

	test('SMS Safety Block sees the approval links: an SMS with links is refused before anything is sent', async () => {
		const ctx = waitContext({
			...approvalParams,
			approvalLinks: 'approveAndDecline',
			options: { preferredService: 'SMS', smsSafety: 'block', smsBlockRules: ['urls'] },
		});
		await expect(run(ctx)).rejects.toThrow(
			'Text holds 2 links; SMS Safety blocks more than one per SMS',
		);
		expect(ctx.requests).toHaveLength(0);
	});

	test('SMS Safety Block without the links rule lets both links go out', async () => {
		linq().get('/v3/webhook-subscriptions').reply(200, { subscriptions: [] });
		linq()
			.post('/v3/messages')
			.reply(202, { chat_id: CHAT, from: LINE, message: { id: SENT_ID } });
		const ctx = waitContext({
			...approvalParams,
			approvalLinks: 'approveAndDecline',
			options: { preferredService: 'SMS', smsSafety: 'block', smsBlockRules: ['shorteners'] },
		});
		await run(ctx);
		expect(nock.isDone()).toBe(true);
	});

	test('the links go on their own lines; no subscription is made', async () => {
		let send;
		linq().get('/v3/webhook-subscriptions').reply(200, { subscriptions: [] });
		linq()
			.post('/v3/messages', (body) => ((send = body), true))
			.reply(202, { chat_id: CHAT, from: LINE, message: { id: SENT_ID } });
		const ctx = waitContext({
			sendTo: 'to',
			to: SENDER,
			text: 'Refund $40 for order 1234?',
			responseType: 'approval',
			approvalLinks: 'approveAndDecline',
			approveLabel: 'Yes',
			declineLabel: 'No',
			limitType: 'none',
		});
		await run(ctx);
		expect(nock.isDone()).toBe(true);
		const text = send.message.parts[0].value;
		const lines = text.split('\n');
		expect(lines).toEqual([
			'Refund $40 for order 1234?',
			'',
			expect.stringMatching(
				new RegExp(`^Yes: ${WAITING}/exec-1001/node-0001\\?approved=true&signature=[0-9a-f]{64}$`),
			),
			expect.stringMatching(
				new RegExp(`^No: ${WAITING}/exec-1001/node-0001\\?approved=false&signature=[0-9a-f]{64}$`),
			),
		]);
		expect(signedByN8n(lines[2].slice('Yes: '.length))).toBe(true);
		expect(signedByN8n(lines[3].slice('No: '.length))).toBe(true);
		// The check bites: a link whose answer was changed is not n8n's.
		expect(signedByN8n(lines[2].slice('Yes: '.length).replace('=true', '=false'))).toBe(false);
		expect(ctx.runExecutionData.waitTill.getFullYear()).toBe(3000);
	});
});

describe('the resume URL', () => {
	const SECRET = TEST_SIGNING_SECRET;
	const KEY = newSealKey();
	const NODE_ID = 'node-0001';
	/** The two custom data entries a reply wait leaves: readable ids, the sealed subscription. */
	const sealedState = (overrides = {}) => ({
		linq_wait_node0001: JSON.stringify({
			m: SENT_ID,
			c: 'chat_3001',
			l: LINE,
			f: SENDER,
			...overrides,
		}),
		linq_seal_node0001: seal(JSON.stringify({ i: 'sub_wait', s: SECRET }), KEY),
	});

	function resumeContext({ method = 'POST', delivery, query = { linq_key: KEY }, state, params }) {
		const request = { method, query, headers: delivery?.headers ?? {}, rawBody: delivery?.rawBody };
		return createTriggerContext({
			node: { id: NODE_ID, name: 'Linq', type: 'n8n-nodes-linqapp.linq', parameters: {} },
			// The node's resource and operation too: n8n keeps only the parameters they display.
			params: {
				resource: 'message',
				operation: 'sendAndWait',
				responseType: 'reply',
				approveWords: 'yes, y, confirm',
				declineWords: 'no, n',
				...params,
			},
			request,
			workflowId: 'workflow-wait',
			executionId: `exec-${Math.random()}`,
			executionCustomData: state ?? sealedState(),
		});
	}

	const call = async (ctx) => await new Linq().webhook.call(ctx);
	const reply = (overrides) => signDelivery(messageEventV2(overrides), { secret: SECRET });

	test('the reply deletes the subscription and resumes with the answer', async () => {
		linq().delete('/v3/webhook-subscriptions/sub_wait').reply(204);
		const delivery = reply({ parts: [{ type: 'text', value: 'Yes!' }] });
		const result = await call(resumeContext({ delivery }));
		expect(nock.isDone()).toBe(true);
		expect(result.workflowData).toEqual([
			[
				{
					json: {
						approved: true,
						opt_out: false,
						keyword: null,
						timed_out: false,
						reply: {
							text: 'Yes!',
							from: SENDER,
							message_id: 'msg_2001',
							chat_id: 'chat_3001',
							received_at: '2026-11-23T16:00:00.000Z',
							media: [],
						},
						sent: { message_id: SENT_ID, chat_id: 'chat_3001', line: LINE },
					},
					pairedItem: { item: 0 },
				},
			],
		]);
	});

	test('STOP declines and is flagged as an opt-out', async () => {
		linq().delete('/v3/webhook-subscriptions/sub_wait').reply(204);
		const result = await call(
			resumeContext({ delivery: reply({ parts: [{ type: 'text', value: 'STOP' }] }) }),
		);
		expect(result.workflowData[0][0].json).toMatchObject({
			approved: false,
			opt_out: true,
			keyword: 'stop',
		});
	});

	test('a reply that is neither word resumes with approved: null', async () => {
		linq().delete('/v3/webhook-subscriptions/sub_wait').reply(204);
		const result = await call(
			resumeContext({ delivery: reply({ parts: [{ type: 'text', value: 'Can we do 11?' }] }) }),
		);
		expect(result.workflowData[0][0].json.approved).toBeNull();
	});

	test.each([
		[
			'forged',
			() => signDelivery(messageEventV2(), { secret: 'whsec_Zm9yZ2VkLXNlY3JldC0xMjM0NTY3OA==' }),
			401,
		],
		[
			'unsigned',
			() => ({ headers: {}, rawBody: Buffer.from(JSON.stringify(messageEventV2())) }),
			401,
		],
		['in another chat', () => reply({ chatId: 'chat_other' }), 200],
		['from another sender', () => reply({ from: '+15559998888' }), 200],
		['an outbound echo', () => reply({ direction: 'outbound' }), 200],
		['another event type', () => reply({ eventType: 'message.edited' }), 200],
		['not JSON', () => signDelivery('{"event_type":', { secret: SECRET }), 400],
	])('a delivery %s keeps the execution waiting', async (_, makeDelivery, status) => {
		const ctx = resumeContext({ delivery: makeDelivery() });
		const result = await call(ctx);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(ctx.response.statusCode).toBe(status);
	});

	test('a duplicate of the reply does not resume twice', async () => {
		linq().delete('/v3/webhook-subscriptions/sub_wait').reply(204);
		const delivery = reply({ parts: [{ type: 'text', value: 'y' }] });
		const ctx = () => {
			const each = resumeContext({ delivery });
			each.getExecutionId = () => 'exec-duplicate';
			return each;
		};
		expect((await call(ctx())).workflowData).toBeDefined();
		const second = ctx();
		expect(await call(second)).toEqual({ noWebhookResponse: true });
		expect(second.response.statusCode).toBe(200);
	});

	test('a wrong or missing key is refused with 401', async () => {
		for (const query of [{ linq_key: newSealKey() }, {}]) {
			const ctx = resumeContext({ delivery: reply(), query });
			expect(await call(ctx)).toEqual({ noWebhookResponse: true });
			expect(ctx.response.statusCode).toBe(401);
		}
	});

	test('a group chat’s wait takes any member’s inbound message', async () => {
		linq().delete('/v3/webhook-subscriptions/sub_wait').reply(204);
		const ctx = resumeContext({
			delivery: reply({ from: '+15559998888' }),
			state: sealedState({ f: null }),
		});
		expect((await call(ctx)).workflowData).toBeDefined();
	});

	test('an error inside never resumes the execution', async () => {
		const ctx = resumeContext({ delivery: reply() });
		ctx.getHeaderData = () => {
			throw new Error('boom');
		};
		expect(await call(ctx)).toEqual({ noWebhookResponse: true });
		expect(ctx.response.statusCode).toBe(500);
	});

	describe('approval links', () => {
		const approvalState = {
			linq_wait_node0001: JSON.stringify({ m: SENT_ID, c: 'chat_3001', l: LINE, f: SENDER }),
		};
		const open = (query, headers = { 'user-agent': 'Mozilla/5.0 (iPhone) Mobile Safari' }) =>
			resumeContext({
				method: 'GET',
				query,
				state: approvalState,
				params: { responseType: 'approval' },
				delivery: { headers },
			});

		test.each([
			['true', true],
			['false', false],
		])('approved=%s resumes with approved: %s and a page', async (value, approved) => {
			const result = await call(open({ approved: value }));
			expect(result.workflowData[0][0].json).toMatchObject({
				approved,
				timed_out: false,
				sent: { message_id: SENT_ID },
			});
			expect(result.webhookResponse).toContain('Your answer was recorded');
		});

		test('a link-preview fetcher does not answer', async () => {
			const ctx = open(
				{ approved: 'true' },
				{ 'user-agent': 'facebookexternalhit/1.1 Facebot Twitterbot/1.0' },
			);
			expect(await call(ctx)).toEqual({ noWebhookResponse: true });
		});

		test('a reply wait without its sealed subscription refuses every delivery', async () => {
			const ctx = resumeContext({ method: 'POST', state: approvalState, delivery: reply() });
			await call(ctx);
			expect(ctx.response.statusCode).toBe(401);
		});
	});

	test.each([
		['Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Mobile/15E148', false],
		['facebookexternalhit/1.1 Facebot Twitterbot/1.0', true],
		['WhatsApp/2.23', true],
		['Googlebot/2.1', true],
		[undefined, false],
	])('isLinkPreview(%j) is %s', (agent, expected) => {
		expect(isLinkPreview(agent)).toBe(expected);
	});
});
