'use strict';
jest.mock('n8n-workflow', () => require('../support/sleep').mockWorkflow());
/**
 * The trigger against hostile deliveries and bad secrets (issue 9, items 1, 2, 4, 5, 6):
 * replays under the other header scheme, secrets that decode to an empty or short key, deeply
 * nested JSON, floods of refused deliveries, and a context with no headers.
 */
const crypto = require('crypto');
const nock = require('nock');
const { LinqTrigger } = require('../../nodes/LinqTrigger/LinqTrigger.node');
const { BASE_URL, TEST_SIGNING_SECRET, defaultCredentials } = require('../support/harness');
const {
	DELIVERY_PARAMS,
	PRODUCTION_URL,
	createTriggerContext,
	nowSeconds,
	registeredStaticData,
	runWebhook: deliver,
	signDelivery,
} = require('../support/webhookContext');
const { messageEventV2 } = require('../support/linqEvents');
const { REFUSAL_LOG_INTERVAL_MS, refusalToLog } = require('../../nodes/shared/delivery/refusalLog');
const { keyOf, legacySignature, standardSignature } = require('../support/webhookSignature');

afterEach(() => jest.restoreAllMocks());

const trigger = new LinqTrigger();

/** The same captured request with only one header set left, as a replayer would send it. */
function only(scheme, delivery) {
	const headers = Object.fromEntries(
		Object.entries(delivery.headers).filter(([name]) =>
			scheme === 'legacy' ? !name.startsWith('webhook-') : !name.startsWith('x-webhook-'),
		),
	);
	return { ...delivery, headers };
}

function withoutEventId(payload) {
	const { event_id: _dropped, ...rest } = payload;
	return rest;
}

/** Standard Webhooks headers made with a raw key, as an attacker who knows it would. */
function signWithKey(key, body, id = 'msg_forged', timestamp = nowSeconds()) {
	return {
		'webhook-id': id,
		'webhook-timestamp': String(timestamp),
		'webhook-signature': standardSignature(key, id, timestamp, body),
	};
}

describe('replays are deduplicated whichever header scheme they use', () => {
	test('a captured delivery replayed with only the legacy headers starts nothing', async () => {
		const staticData = registeredStaticData();
		const captured = signDelivery(messageEventV2());
		const first = await deliver(captured, { staticData });
		const replay = await deliver(only('legacy', captured), { staticData });
		expect(first.emitted).toHaveLength(1);
		expect(replay.emitted).toHaveLength(0);
		expect(replay.ctx.response.statusCode).toBeUndefined();
	});

	test('a legacy-only delivery replayed with the full headers starts nothing', async () => {
		const staticData = registeredStaticData();
		const captured = signDelivery(messageEventV2());
		expect((await deliver(only('legacy', captured), { staticData })).emitted).toHaveLength(1);
		expect((await deliver(captured, { staticData })).emitted).toHaveLength(0);
		expect((await deliver(only('standard', captured), { staticData })).emitted).toHaveLength(0);
	});

	test('a legacy delivery without event_id cannot be replayed at will', async () => {
		const staticData = registeredStaticData();
		const captured = only('legacy', signDelivery(withoutEventId(messageEventV2())));
		const results = [];
		for (let n = 0; n < 3; n++) results.push((await deliver(captured, { staticData })).emitted);
		expect(results.map((items) => items.length)).toEqual([1, 0, 0]);
	});

	test('an event without event_id delivered with both header sets, replayed as legacy, starts nothing', async () => {
		const staticData = registeredStaticData();
		const captured = signDelivery(withoutEventId(messageEventV2()));
		expect((await deliver(captured, { staticData })).emitted).toHaveLength(1);
		expect((await deliver(only('legacy', captured), { staticData })).emitted).toHaveLength(0);
	});

	test('two different events without event_id both arrive', async () => {
		const staticData = registeredStaticData();
		const one = only('legacy', signDelivery(withoutEventId(messageEventV2({ messageId: 'a' }))));
		const two = only('legacy', signDelivery(withoutEventId(messageEventV2({ messageId: 'b' }))));
		expect((await deliver(one, { staticData })).emitted).toHaveLength(1);
		expect((await deliver(two, { staticData })).emitted).toHaveLength(1);
	});

	test('an unsigned webhook-id next to legacy headers is not remembered, so it cannot block a real event', async () => {
		const staticData = registeredStaticData();
		const real = signDelivery(messageEventV2(), { id: 'msg_future' });
		const captured = only('legacy', signDelivery(messageEventV2()));
		captured.headers = { ...captured.headers, 'webhook-id': 'msg_future' };
		expect((await deliver(captured, { staticData })).emitted).toHaveLength(1);
		expect((await deliver(real, { staticData })).emitted).toHaveLength(1);
	});
});

describe('malformed signing secrets refuse every delivery', () => {
	const MALFORMED = [
		'whsec_',
		'whsec_****',
		'whsec_!!!!',
		'••••••',
		'whsec_••••••••',
		'whsec_dG9vLXNob3J0', // 9 bytes: too short
		'whsec_dGVzdC1zaWduaW5nLXNlY3JldC0xMjM0NQ', // unpadded
		'whsec_dGVzdC1zaWduaW5n LXNlY3JldC0xMjM0NQ==', // whitespace inside
		'whsec_dGVzdC1zaWduaW5nLXNlY3JldC0xMjM0NQ==\u0000',
		'dGVzdC1zaWduaW5nLXNlY3JldC0xMjM0NQ==', // no prefix
	];

	function forgeries(secret, body) {
		const decoded = keyOf(secret);
		const timestamp = nowSeconds();
		return [
			{ headers: signWithKey(Buffer.alloc(0), body), rawBody: Buffer.from(body) },
			{ headers: signWithKey(decoded, body), rawBody: Buffer.from(body) },
			{
				headers: {
					'x-webhook-timestamp': String(timestamp),
					'x-webhook-signature': legacySignature(secret, timestamp, body),
				},
				rawBody: Buffer.from(body),
			},
		];
	}

	test.each(MALFORMED)(
		'stored secret %j: 401, and the log says why without the secret',
		async (secret) => {
			const body = JSON.stringify(messageEventV2());
			for (const forged of forgeries(secret, body)) {
				const { result, ctx } = await deliver(forged, { staticData: registeredStaticData(secret) });
				expect(result).toEqual({ noWebhookResponse: true });
				expect(ctx.response.statusCode).toBe(401);
				const warning = ctx.logs.find((line) => line.level === 'warn');
				expect(warning.message).toMatch(/signing secret.*not valid/i);
				expect(warning.message).toMatch(/whsec_/);
				if (secret.length > 6) expect(JSON.stringify(ctx.logs)).not.toContain(secret);
			}
		},
	);

	test.each(MALFORMED)(
		'credential secret %j: 401, and the log points at the credential',
		async (secret) => {
			const body = JSON.stringify(messageEventV2());
			const credentials = defaultCredentials({ webhookSigningSecret: secret });
			for (const forged of forgeries(secret, body)) {
				const { ctx } = await deliver(forged, { staticData: {}, credentials });
				expect(ctx.response.statusCode).toBe(401);
				const warning = ctx.logs.find((line) => line.level === 'warn');
				expect(warning.message).toMatch(/Webhook Signing Secret/);
				expect(warning.message).toMatch(/not valid/);
			}
		},
	);

	test('a valid credential secret still verifies, with surrounding whitespace trimmed', async () => {
		const credentials = defaultCredentials({ webhookSigningSecret: ` ${TEST_SIGNING_SECRET}\n` });
		const { emitted } = await deliver(signDelivery(messageEventV2()), {
			staticData: {},
			credentials,
		});
		expect(emitted).toHaveLength(1);
	});
});

describe('subscriptions with a secret the trigger cannot use', () => {
	const { checkExists, create } = trigger.webhookMethods.default;
	const hookParams = { events: ['message.received'], lines: [], options: {} };
	const remote = {
		id: 'sub_weak',
		target_url: `${PRODUCTION_URL}?version=2026-02-03`,
		subscribed_events: ['message.received'],
		phone_numbers: [],
		is_active: true,
	};

	test('Linq returning a malformed signing_secret: the subscription is removed and activation fails', async () => {
		const scope = nock(BASE_URL)
			.post('/v3/webhook-subscriptions')
			.reply(201, { ...remote, signing_secret: 'whsec_****' })
			.delete('/v3/webhook-subscriptions/sub_weak')
			.reply(204);
		const ctx = createTriggerContext({ params: hookParams, mode: 'trigger', staticData: {} });
		const failure = await create.call(ctx).catch((error) => error);
		expect(failure).toBeInstanceOf(Error);
		expect(failure.message).toMatch(/signing secret/);
		expect(JSON.stringify(failure)).not.toContain('whsec_****');
		scope.done();
		expect(ctx.staticData['node:Linq Trigger']?.registrations).toBeUndefined();
	});

	test('a stored malformed secret is not kept: checkExists replaces the subscription', async () => {
		const staticData = registeredStaticData('whsec_');
		const scope = nock(BASE_URL)
			.get('/v3/webhook-subscriptions')
			.reply(200, { subscriptions: [remote] })
			.delete('/v3/webhook-subscriptions/sub_weak')
			.reply(204);
		const ctx = createTriggerContext({ params: hookParams, mode: 'trigger', staticData });
		expect(await checkExists.call(ctx)).toBe(false);
		scope.done();
		expect(staticData['node:Linq Trigger'].registrations).toEqual({});
	});
});

describe('deeply nested JSON', () => {
	function nested(depth) {
		return `{"event_type":"message.received","event_id":"${crypto.randomUUID()}","data":{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
	}

	test('100,000 levels of signed JSON are refused with 400, without an execution', async () => {
		const { result, ctx } = await deliver(signDelivery(nested(100_000)));
		expect(result).toEqual({ noWebhookResponse: true });
		expect(ctx.response.statusCode).toBe(400);
	});

	test('just past the limit is refused, at the limit it arrives', async () => {
		// The envelope and data objects are two levels; the arrays add the rest.
		expect((await deliver(signDelivery(nested(63)))).ctx.response.statusCode).toBe(400);
		expect((await deliver(signDelivery(nested(62)))).emitted).toHaveLength(1);
	});

	test('brackets inside strings do not count as nesting', async () => {
		const payload = messageEventV2({
			parts: [{ type: 'text', value: `\\"${'[{'.repeat(50_000)}` }],
		});
		expect((await deliver(signDelivery(payload))).emitted).toHaveLength(1);
	});
});

describe('refusals are logged at a bounded rate', () => {
	test('a flood of forged deliveries writes one warning, then a count once a minute', async () => {
		let now = Date.UTC(2026, 11, 1, 9, 0, 0);
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const staticData = registeredStaticData();
		const forged = () =>
			signDelivery(messageEventV2(), { secret: 'whsec_b3RoZXItc2lnbmluZy1zZWNyZXQtOTk5OTk=' });

		const warnings = [];
		for (let n = 0; n < 50; n++) {
			const { ctx } = await deliver(forged(), { staticData });
			expect(ctx.response.statusCode).toBe(401);
			warnings.push(...ctx.logs.filter((line) => line.level === 'warn'));
		}
		expect(warnings).toHaveLength(1);

		now += 59_000;
		const quiet = await deliver(forged(), { staticData });
		expect(quiet.ctx.logs.filter((line) => line.level === 'warn')).toHaveLength(0);

		now += 1_000;
		const next = await deliver(forged(), { staticData });
		const [line] = next.ctx.logs.filter((entry) => entry.level === 'warn');
		expect(line.message).toMatch(/50 more refused/);
	});

	test('each trigger registration has its own budget', async () => {
		const forged = () =>
			signDelivery(messageEventV2(), { secret: 'whsec_b3RoZXItc2lnbmluZy1zZWNyZXQtOTk5OTk=' });
		const one = await deliver(forged());
		const two = await deliver(forged());
		expect(one.ctx.logs.filter((line) => line.level === 'warn')).toHaveLength(1);
		expect(two.ctx.logs.filter((line) => line.level === 'warn')).toHaveLength(1);
	});

	test('a registration is its node, run mode and subscriptions, whatever their ids contain', () => {
		const at = Date.UTC(2026, 11, 2, 9, 0, 0);
		const registration = {
			workflowId: 'w1',
			nodeId: 'n1',
			test: false,
			subscriptions: ['sub_a', 'sub_b'],
		};
		expect(refusalToLog(registration, at)).toBe(0);
		expect(refusalToLog({ ...registration }, at + 1)).toBeUndefined();
		for (const other of [
			{ ...registration, test: true },
			{ ...registration, subscriptions: ['sub_a'] },
			{ ...registration, subscriptions: ['sub_a,sub_b'] },
			{ ...registration, nodeId: 'n1\nfalse' },
		]) {
			expect(refusalToLog(other, at + 2)).toBe(0);
		}
		expect(refusalToLog(registration, at + REFUSAL_LOG_INTERVAL_MS)).toBe(1);
	});
});

describe('a context without headers', () => {
	test.each([undefined, null])(
		'getHeaderData() returning %p gives 401, not a TypeError',
		async (headers) => {
			const delivery = signDelivery(messageEventV2());
			const ctx = createTriggerContext({
				params: DELIVERY_PARAMS,
				staticData: registeredStaticData(),
				request: delivery,
			});
			ctx.getHeaderData = () => headers;
			const result = await trigger.webhook.call(ctx);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(ctx.response.statusCode).toBe(401);
		},
	);
});

describe('secrets at rest', () => {
	test('static data holds the subscription secret once, and never the credential secret', async () => {
		const credentialSecret = `whsec_${crypto.randomBytes(32).toString('base64')}`;
		const credentials = defaultCredentials({ webhookSigningSecret: credentialSecret });
		const fromCredentials = await deliver(
			signDelivery(messageEventV2(), { secret: credentialSecret }),
			{ staticData: {}, credentials },
		);
		expect(fromCredentials.emitted).toHaveLength(1);
		expect(JSON.stringify(fromCredentials.staticData)).not.toContain(credentialSecret.slice(6));

		const own = await deliver(signDelivery(messageEventV2()));
		expect(own.emitted).toHaveLength(1);
		const saved = JSON.stringify(own.staticData);
		expect(saved.split(TEST_SIGNING_SECRET.slice(6)).length - 1).toBe(1);
	});
});
