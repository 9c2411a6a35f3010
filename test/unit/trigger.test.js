'use strict';
const nock = require('nock');
const { LinqTrigger } = require('../../nodes/LinqTrigger/LinqTrigger.node');
const {
	TEST_SIGNING_SECRET,
	createExecuteContext,
	defaultCredentials,
} = require('../support/harness');
const {
	DELIVERY_PARAMS,
	emitted,
	nowSeconds,
	registeredStaticData,
	runWebhook: deliver,
	signDelivery,
} = require('../support/webhookContext');
const {
	LINE,
	MEDIA_URL,
	mediaPart,
	messageEventV1,
	messageEventV2,
	textPart,
	typingEvent,
} = require('../support/linqEvents');

const trigger = new LinqTrigger();
const OTHER_SECRET = 'whsec_b3RoZXItc2lnbmluZy1zZWNyZXQtOTk5OTk=';

describe('a valid delivery', () => {
	test('emits one item with the shaped fields and answers 200 itself, so n8n saves static data before the run', async () => {
		const payload = messageEventV2({ parts: [textPart('Hi')] });
		const { result, ctx } = await deliver(signDelivery(payload));
		expect(result.noWebhookResponse).toBe(true);
		expect(ctx.response.statusCode).toBe(200);
		const items = emitted(result);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			event_type: 'message.received',
			event_id: payload.event_id,
			chat_id: 'chat_3001',
			message_id: 'msg_2001',
			text: 'Hi',
			direction: 'inbound',
		});
		expect(items[0].json.data).toEqual(payload.data);
	});

	test('the trigger describes itself as n8n expects', () => {
		const { description } = trigger;
		expect(description.name).toBe('linqTrigger');
		// 1.1 only steps around n8n's typeVersion-1 webhook path; workflows saved at 1 keep working.
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
		expect(description.inputs).toEqual([]);
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		]);
		expect(description.usableAsTool).toBeUndefined();
		const events = description.properties.find((property) => property.name === 'events');
		expect(events.default).toEqual(['message.received']);
		expect(events.options).toHaveLength(27);
	});
});

describe('duplicates: one emission per event', () => {
	test('the same delivery three times (identical replay) emits once', async () => {
		const delivery = signDelivery(messageEventV2());
		const staticData = registeredStaticData();
		const results = [];
		for (let n = 0; n < 3; n++) results.push((await deliver(delivery, { staticData })).result);
		expect(results.map((result) => emitted(result).length)).toEqual([1, 0, 0]);
		expect(results[1]).toEqual({});
	});

	test('a retry re-signed with a new timestamp but the same webhook-id emits nothing', async () => {
		const payload = messageEventV2();
		const staticData = registeredStaticData();
		const first = await deliver(
			signDelivery(payload, { id: 'msg_same', timestamp: nowSeconds() - 120 }),
			{ staticData },
		);
		const retry = await deliver(signDelivery(payload, { id: 'msg_same' }), { staticData });
		expect(emitted(first.result)).toHaveLength(1);
		expect(emitted(retry.result)).toHaveLength(0);
	});

	test('deliveries with the legacy headers only are deduplicated on their event_id', async () => {
		const payload = messageEventV2();
		const staticData = registeredStaticData();
		const first = await deliver(signDelivery(payload, { standard: false }), { staticData });
		const retry = await deliver(
			signDelivery(payload, { standard: false, timestamp: nowSeconds() - 30 }),
			{ staticData },
		);
		expect(emitted(first.result)).toHaveLength(1);
		expect(emitted(retry.result)).toHaveLength(0);
	});

	test('different events under one webhook-id count as one delivery, as Standard Webhooks intends', async () => {
		const staticData = registeredStaticData();
		await deliver(signDelivery(messageEventV2(), { id: 'msg_one' }), { staticData });
		const second = await deliver(signDelivery(messageEventV2(), { id: 'msg_one' }), { staticData });
		expect(emitted(second.result)).toHaveLength(0);
	});

	test('the execution step passes the items through and touches no static data', async () => {
		const first = await deliver(signDelivery(messageEventV2(), { id: 'msg_run' }));
		const items = emitted(first.result);
		const staticData = {};
		const run = createExecuteContext({ items, staticData, mode: 'webhook' });
		const [passed] = await trigger.execute.call(run);
		expect(passed).toEqual(items.map((item, index) => ({ ...item, pairedItem: { item: index } })));
		expect(staticData).toEqual({});
	});

	test('the dedupe state is written back to static data so n8n saves it', async () => {
		const { staticData } = await deliver(signDelivery(messageEventV2()));
		expect(staticData['node:Linq Trigger'].dedupe.g).toHaveLength(1);
		const reloaded = JSON.parse(JSON.stringify(staticData));
		const again = await deliver(signDelivery(messageEventV2({ event_id: 'x' })), {
			staticData: reloaded,
		});
		expect(emitted(again.result)).toHaveLength(1);
	});
});

describe('refused with 401 and no execution', () => {
	async function expect401(delivery, context) {
		const { result, ctx } = await deliver(delivery, context);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(ctx.response.statusCode).toBe(401);
		return ctx;
	}

	test('a tampered body', async () => {
		const delivery = signDelivery(messageEventV2());
		delivery.rawBody = Buffer.from(
			delivery.rawBody.toString().replace('Hello there', 'Hello thief'),
		);
		await expect401(delivery);
	});

	test('a signature made with another secret', async () => {
		await expect401(signDelivery(messageEventV2(), { secret: OTHER_SECRET }));
	});

	test('missing signature headers', async () => {
		const delivery = signDelivery(messageEventV2(), { standard: false, legacy: false });
		await expect401(delivery);
	});

	test('stale and future timestamps', async () => {
		await expect401(signDelivery(messageEventV2(), { timestamp: nowSeconds() - 301 }));
		await expect401(signDelivery(messageEventV2(), { timestamp: nowSeconds() + 301 }));
	});

	test('no secret anywhere: refused, with a log line that says how to fix it', async () => {
		const ctx = await expect401(signDelivery(messageEventV2()), { staticData: {} });
		const warning = ctx.logs.find((line) => line.level === 'warn');
		expect(warning.message).toMatch(/Deactivate and activate the workflow/);
		expect(warning.message).toMatch(/Webhook Signing Secret/);
	});

	test('a forged delivery does not touch the dedupe state, so the real event still arrives', async () => {
		const payload = messageEventV2();
		const staticData = registeredStaticData();
		await deliver(signDelivery(payload, { id: 'msg_1', secret: OTHER_SECRET }), { staticData });
		const real = await deliver(signDelivery(payload, { id: 'msg_1' }), { staticData });
		expect(emitted(real.result)).toHaveLength(1);
	});

	test('log lines never contain a secret', async () => {
		const ctx = await expect401(signDelivery(messageEventV2(), { secret: OTHER_SECRET }));
		const text = JSON.stringify(ctx.logs);
		expect(text).not.toContain(TEST_SIGNING_SECRET);
		expect(text).not.toContain(TEST_SIGNING_SECRET.slice(6));
		expect(text).not.toContain(OTHER_SECRET);
	});
});

describe('accepted', () => {
	test('legacy-only headers with a valid signature', async () => {
		const { result } = await deliver(signDelivery(messageEventV2(), { standard: false }));
		expect(emitted(result)).toHaveLength(1);
	});

	test('with the secret from the credentials when static data has none', async () => {
		const credentials = defaultCredentials({ webhookSigningSecret: OTHER_SECRET });
		const { result } = await deliver(signDelivery(messageEventV2(), { secret: OTHER_SECRET }), {
			staticData: {},
			credentials,
		});
		expect(emitted(result)).toHaveLength(1);
	});

	test('the stored secret wins over the credential one', async () => {
		const credentials = defaultCredentials({ webhookSigningSecret: OTHER_SECRET });
		const { ctx } = await deliver(signDelivery(messageEventV2(), { secret: OTHER_SECRET }), {
			credentials,
		});
		expect(ctx.response.statusCode).toBe(401);
	});

	test("a test delivery (manual mode) is verified with the test subscription's secret, not production's", async () => {
		const staticData = registeredStaticData();
		staticData['node:Linq Trigger'].registrations[
			'https://n8n.example.com/webhook-test/5f1c2d3e-trigger/webhook'
		] = {
			id: 'sub_test',
			secret: OTHER_SECRET,
			test: true,
		};
		const test = await deliver(signDelivery(messageEventV2(), { secret: OTHER_SECRET }), {
			staticData,
			mode: 'manual',
		});
		expect(emitted(test.result)).toHaveLength(1);
		const crossed = await deliver(signDelivery(messageEventV2(), { secret: OTHER_SECRET }), {
			staticData,
		});
		expect(crossed.ctx.response.statusCode).toBe(401);
	});
});

describe('malformed bodies', () => {
	test('a signed body that is not JSON is answered 400 without an execution', async () => {
		const { result, ctx } = await deliver(signDelivery('{"event_type": "message.received",'));
		expect(result).toEqual({ noWebhookResponse: true });
		expect(ctx.response.statusCode).toBe(400);
	});

	test('signed JSON that is not an event is answered 400', async () => {
		const { ctx } = await deliver(signDelivery('[1,2,3]'));
		expect(ctx.response.statusCode).toBe(400);
	});

	test('without a raw body the parsed JSON is verified as re-encoded bytes, and refused when they differ', async () => {
		const payload = messageEventV2();
		const compact = signDelivery(payload);
		const matching = await deliver({ headers: compact.headers, body: payload });
		expect(emitted(matching.result)).toHaveLength(1);

		const pretty = JSON.stringify(payload, null, 2);
		const signedPretty = signDelivery(pretty);
		const differing = await deliver({ headers: signedPretty.headers, body: payload });
		expect(differing.ctx.response.statusCode).toBe(401);
		expect(differing.ctx.logs.some((line) => /no raw request body/.test(line.message))).toBe(true);
	});
});

describe('filtered: answered 200, no execution', () => {
	test('an outbound message is filtered by default and arrives when opted in', async () => {
		const payload = messageEventV2({ direction: 'outbound' });
		expect(emitted((await deliver(signDelivery(payload))).result)).toHaveLength(0);
		const params = { ...DELIVERY_PARAMS, options: { includeOwnOutbound: true } };
		expect(emitted((await deliver(signDelivery(payload), { params })).result)).toHaveLength(1);
	});

	test("the older format's is_from_me is filtered the same way", async () => {
		expect(
			emitted((await deliver(signDelivery(messageEventV1({ isFromMe: true })))).result),
		).toHaveLength(0);
		expect(emitted((await deliver(signDelivery(messageEventV1()))).result)).toHaveLength(1);
	});

	test('an event type the node did not subscribe to', async () => {
		const { result, ctx } = await deliver(signDelivery(typingEvent()));
		expect(result).toEqual({});
		expect(ctx.response.statusCode).toBeUndefined();
	});

	test('a sender not in Allowed Senders', async () => {
		const params = { ...DELIVERY_PARAMS, options: { allowedSenders: '+15559990000' } };
		expect(
			emitted((await deliver(signDelivery(messageEventV2()), { params })).result),
		).toHaveLength(0);
	});

	test('a line that was not selected', async () => {
		const params = { ...DELIVERY_PARAMS, lines: ['+15550000002'] };
		expect(
			emitted((await deliver(signDelivery(messageEventV2()), { params })).result),
		).toHaveLength(0);
		const ours = { ...DELIVERY_PARAMS, lines: [LINE] };
		expect(
			emitted((await deliver(signDelivery(messageEventV2()), { params: ours })).result),
		).toHaveLength(1);
	});
});

describe('Download Media', () => {
	const params = { ...DELIVERY_PARAMS, options: { downloadMedia: true } };
	const IMAGE = Buffer.from('JPEG-BYTES!');

	test('downloads each media part into attachment_N without credentials, after answering 200', async () => {
		const scope = nock('https://cdn.linq.test', { badheaders: ['authorization'] })
			.get('/attachments/att_1/photo.jpg')
			.reply(200, IMAGE, { 'content-type': 'image/jpeg' });
		const payload = messageEventV2({
			parts: [textPart('Look'), mediaPart({ size: IMAGE.length })],
		});
		const { result, ctx } = await deliver(signDelivery(payload), { params });
		scope.done();
		expect(ctx.response.statusCode).toBe(200);
		expect(result.noWebhookResponse).toBe(true);
		const [item] = emitted(result);
		expect(Buffer.from(item.binary.attachment_0.data, 'base64')).toEqual(IMAGE);
		expect(item.binary.attachment_0).toMatchObject({
			fileName: 'photo.jpg',
			mimeType: 'image/jpeg',
		});
		expect(item.json.media[0].url).toBe(MEDIA_URL);
		expect(item.json.media_download_errors).toBeUndefined();
	});

	test('the binary property prefix is configurable', async () => {
		nock('https://cdn.linq.test').get('/attachments/att_1/photo.jpg').reply(200, IMAGE);
		const custom = {
			...DELIVERY_PARAMS,
			options: { downloadMedia: true, binaryPropertyPrefix: 'file_' },
		};
		const { result } = await deliver(signDelivery(messageEventV2({ parts: [mediaPart()] })), {
			params: custom,
		});
		expect(Object.keys(emitted(result)[0].binary)).toEqual(['file_0']);
	});

	test('a failed download still emits the event, with the error noted', async () => {
		nock('https://cdn.linq.test').get('/attachments/att_1/photo.jpg').reply(403, 'expired');
		const { result } = await deliver(signDelivery(messageEventV2({ parts: [mediaPart()] })), {
			params,
		});
		const [item] = emitted(result);
		expect(item.binary).toEqual({});
		expect(item.json.media_download_errors).toEqual([
			expect.objectContaining({ index: 0, binary_property: 'attachment_0', filename: 'photo.jpg' }),
		]);
		expect(item.json.media_download_errors[0].error).toMatch(/403/);
	});

	test('a file larger than the maximum is not downloaded', async () => {
		const small = { ...DELIVERY_PARAMS, options: { downloadMedia: true, maxMediaSizeMb: 1 } };
		const payload = messageEventV2({ parts: [mediaPart({ size: 5 * 1_048_576 })] });
		const { result } = await deliver(signDelivery(payload), { params: small });
		const [item] = emitted(result);
		expect(item.json.media_download_errors[0].error).toMatch(/more than the maximum of 1 MB/);
	});

	test('a file that turns out larger than announced is dropped after download', async () => {
		nock('https://cdn.linq.test')
			.get('/attachments/att_1/photo.jpg')
			.reply(200, Buffer.alloc(1_048_577));
		const small = { ...DELIVERY_PARAMS, options: { downloadMedia: true, maxMediaSizeMb: 1 } };
		const { result } = await deliver(
			signDelivery(messageEventV2({ parts: [mediaPart({ size: 10 })] })),
			{ params: small },
		);
		expect(emitted(result)[0].binary).toEqual({});
		expect(emitted(result)[0].json.media_download_errors).toHaveLength(1);
	});

	test('a message without media is answered and emitted as usual', async () => {
		const { result, ctx } = await deliver(signDelivery(messageEventV2()), { params });
		expect(result.noWebhookResponse).toBe(true);
		expect(ctx.response.statusCode).toBe(200);
		expect(emitted(result)).toHaveLength(1);
	});
});
