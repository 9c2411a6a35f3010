'use strict';
const nock = require('nock');
const { NodeApiError } = require('n8n-workflow');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { BASE_URL, createExecuteContext } = require('../support/harness');
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { expectLocalError } = require('../support/localValidation');

const ID = 'b2c3d4e5-f6a7-8901-bcde-f23456789012';
const TARGET = 'https://hooks.example.com/linq?line=1';
const subscription = (overrides = {}) => ({
	id: ID,
	created_at: '2026-01-05T10:00:00Z',
	updated_at: '2026-01-05T10:00:00Z',
	is_active: true,
	subscribed_events: ['message.received'],
	target_url: TARGET,
	phone_numbers: null,
	...overrides,
});

describe('webhook subscription create', () => {
	const params = {
		resource: 'webhookSubscription',
		operation: 'create',
		targetUrl: ` ${TARGET} `,
		events: ['message.received', 'message.delivered'],
		phoneNumbers: ['+15551230001', '+15551230002'],
	};

	test('sends what the SDK sends, with the line filter', async () => {
		const theirs = await captureRequest(() =>
			sdk().webhookSubscriptions.create({
				target_url: TARGET,
				subscribed_events: ['message.received', 'message.delivered'],
				phone_numbers: ['+15551230001', '+15551230002'],
			}),
		);
		const ours = await captureRequest(() => runNode(params));
		expectSameRequest(ours, theirs);
		expect(ours).toMatchObject({ method: 'POST', path: '/v3/webhook-subscriptions' });
	});

	test('without lines sends what the SDK sends, with no line filter', async () => {
		const theirs = await captureRequest(() =>
			sdk().webhookSubscriptions.create({
				target_url: TARGET,
				subscribed_events: ['message.received'],
			}),
		);
		const ours = await captureRequest(() =>
			runNode({ ...params, events: ['message.received'], phoneNumbers: [] }),
		);
		expectSameRequest(ours, theirs);
		expect(ours.body).not.toHaveProperty('phone_numbers');
	});

	test('takes events from an expression as comma-separated text', async () => {
		const ours = await captureRequest(() =>
			runNode({ ...params, events: 'message.received, reaction.added', phoneNumbers: [] }),
		);
		expect(ours.body.subscribed_events).toEqual(['message.received', 'reaction.added']);
	});

	test('outputs the API answer, signing secret included, since it is shown only once', async () => {
		const created = { ...subscription(), signing_secret: 'whsec_c2VjcmV0LWZvci10aGUtdXNlcg==' };
		let out;
		await captureRequest(async () => (out = await runNode(params)), {
			reply: { status: 201, body: created },
		});
		expect(out).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	test('a server error is not retried, so no second subscription is attempted', async () => {
		let failure;
		const sent = await captureRequest(
			async () => {
				await runNode(params).catch((error) => (failure = error));
			},
			{
				all: true,
				reply: { status: 500, body: { code: 3000, message: 'boom', trace_id: 'tr-9' } },
			},
		);
		expect(sent).toHaveLength(1);
		expect(failure).toBeInstanceOf(NodeApiError);
	});

	test('a target URL that is not HTTPS fails on its item before any request', async () => {
		const error = await expectLocalError(
			params,
			{ targetUrl: 'http://hooks.example.com/linq' },
			'Target URL',
		);
		expect(error.message).toBe('Target URL "http://hooks.example.com/linq" is not an HTTPS URL');
	});

	test('a target URL that is not a URL at all fails on its item', async () => {
		await expectLocalError(params, { targetUrl: 'hooks.example.com/linq' }, 'Target URL');
	});

	test('no events selected fails on its item before any request', async () => {
		const error = await expectLocalError(params, { events: [] }, 'Events');
		expect(error.message).toBe('Events is empty');
	});

	test('a bad line fails on its item before any request', async () => {
		await expectLocalError(params, { phoneNumbers: ['+1555'] }, 'Phone Numbers');
	});
});

describe('webhook subscription get, get many and get event types', () => {
	test('get sends what the SDK sends', async () => {
		const theirs = await captureRequest(() => sdk().webhookSubscriptions.retrieve(ID));
		let out;
		const ours = await captureRequest(
			async () =>
				(out = await runNode({
					resource: 'webhookSubscription',
					operation: 'get',
					subscriptionId: ID,
				})),
			{ reply: { status: 200, body: subscription() } },
		);
		expectSameRequest(ours, theirs);
		expect(ours).toMatchObject({ method: 'GET', path: `/v3/webhook-subscriptions/${ID}` });
		expect(out).toEqual([{ json: subscription(), pairedItem: { item: 0 } }]);
	});

	test('get refuses an ID with a slash, which is no Linq ID (issue 9)', async () => {
		const params = { resource: 'webhookSubscription', operation: 'get', subscriptionId: ID };
		await expectLocalError(params, { subscriptionId: 'a/b c' }, 'Subscription ID');
	});

	test('get with an empty ID fails on its item instead of listing every subscription', async () => {
		const params = { resource: 'webhookSubscription', operation: 'get', subscriptionId: ID };
		await expectLocalError(params, { subscriptionId: ' ' }, 'Subscription ID');
	});

	test('get many sends what the SDK sends and outputs one item per subscription', async () => {
		const list = [subscription(), subscription({ id: 'sub-2', is_active: false })];
		const theirs = await captureRequest(() => sdk().webhookSubscriptions.list());
		let out;
		const ours = await captureRequest(
			async () => (out = await runNode({ resource: 'webhookSubscription', operation: 'getMany' })),
			{ reply: { status: 200, body: { subscriptions: list } } },
		);
		expectSameRequest(ours, theirs);
		expect(out).toEqual(list.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('get event types sends what the SDK sends and outputs the API answer', async () => {
		const answer = {
			events: ['message.sent', 'message.received'],
			doc_url: 'https://docs.linqapp.com/guides/webhooks/events',
		};
		const theirs = await captureRequest(() => sdk().webhookEvents.list());
		let out;
		const ours = await captureRequest(
			async () =>
				(out = await runNode({ resource: 'webhookSubscription', operation: 'getEventTypes' })),
			{ reply: { status: 200, body: answer } },
		);
		expectSameRequest(ours, theirs);
		expect(ours).toMatchObject({ method: 'GET', path: '/v3/webhook-events' });
		expect(out).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});
});

describe('webhook subscription update', () => {
	const params = {
		resource: 'webhookSubscription',
		operation: 'update',
		subscriptionId: ID,
		updateFields: {
			targetUrl: TARGET,
			events: ['message.read'],
			phoneNumbers: ['+1 555 123 0001'],
			isActive: false,
		},
	};

	test('sends what the SDK sends', async () => {
		const theirs = await captureRequest(() =>
			sdk().webhookSubscriptions.update(ID, {
				target_url: TARGET,
				subscribed_events: ['message.read'],
				phone_numbers: ['+15551230001'],
				is_active: false,
			}),
		);
		const ours = await captureRequest(() => runNode(params));
		expectSameRequest(ours, theirs);
		expect(ours).toMatchObject({ method: 'PUT', path: `/v3/webhook-subscriptions/${ID}` });
	});

	test('clearing Phone Numbers sends null, the SDK value for no line filter', async () => {
		const theirs = await captureRequest(() =>
			sdk().webhookSubscriptions.update(ID, { phone_numbers: null }),
		);
		const ours = await captureRequest(() =>
			runNode({ ...params, updateFields: { phoneNumbers: [] } }),
		);
		expectSameRequest(ours, theirs);
	});

	test('resuming sends only is_active', async () => {
		const theirs = await captureRequest(() =>
			sdk().webhookSubscriptions.update(ID, { is_active: true }),
		);
		const ours = await captureRequest(() =>
			runNode({ ...params, updateFields: { isActive: true } }),
		);
		expectSameRequest(ours, theirs);
	});

	test('no field to change fails on its item before any request', async () => {
		await expectLocalError(params, { updateFields: {} }, 'Update Fields');
	});

	test('a new target URL that is not HTTPS fails on its item before any request', async () => {
		await expectLocalError(
			params,
			{ updateFields: { targetUrl: 'ftp://hooks.example.com' } },
			'Target URL',
		);
	});

	test('an emptied event list fails on its item before any request', async () => {
		await expectLocalError(params, { updateFields: { events: [] } }, 'Events');
	});
});

describe('webhook subscription delete', () => {
	const params = { resource: 'webhookSubscription', operation: 'delete', subscriptionId: ID };

	test('sends what the SDK sends and outputs success with the ID', async () => {
		const theirs = await captureRequest(() => sdk().webhookSubscriptions.delete(ID), {
			reply: { status: 204, body: '' },
		});
		let out;
		const ours = await captureRequest(async () => (out = await runNode(params)), {
			reply: { status: 204, body: '' },
		});
		expectSameRequest(ours, theirs);
		expect(ours).toMatchObject({ method: 'DELETE', path: `/v3/webhook-subscriptions/${ID}` });
		expect(out).toEqual([{ json: { success: true, id: ID }, pairedItem: { item: 0 } }]);
	});

	test('a missing subscription surfaces a NodeApiError with status 404, code and trace_id', async () => {
		nock(BASE_URL).delete(`/v3/webhook-subscriptions/${ID}`).reply(404, {
			code: 2004,
			message: 'Webhook subscription not found',
			trace_id: '0af7651916cd43dd8448eb211c80319c',
		});
		const ctx = createExecuteContext({ params });
		const error = await new Linq().execute.call(ctx).catch((caught) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
		expect(error.message).toContain('code 2004');
		expect(error.message).toContain('Webhook subscription not found');
		expect(error.description).toContain('0af7651916cd43dd8448eb211c80319c');
		expect(error.context).toMatchObject({
			linqCode: 2004,
			traceId: '0af7651916cd43dd8448eb211c80319c',
		});
		expect(ctx.requests).toHaveLength(1);
	});

	test('with continue on fail, a 404 becomes an error item paired with its input', async () => {
		nock(BASE_URL)
			.delete(`/v3/webhook-subscriptions/${ID}`)
			.reply(404, { code: 2004, message: 'Not found', trace_id: 'tr-404' });
		const out = await runNode(params, { continueOnFail: true });
		expect(out).toHaveLength(1);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[0].json.error).toContain('404');
		expect(out[0].json.errorDescription).toContain('tr-404');
	});
});

describe('loadOptions getWebhookEventTypes', () => {
	test('maps the API list of event types to options', async () => {
		nock(BASE_URL)
			.get('/v3/webhook-events')
			.reply(200, {
				events: ['message.sent', 'message.received', 'chat.typing_indicator.started'],
				doc_url: 'https://docs.linqapp.com/guides/webhooks/events',
			});
		const ctx = createExecuteContext();
		const options = await new Linq().methods.loadOptions.getWebhookEventTypes.call(ctx);
		expect(options).toEqual([
			{ name: 'message.sent', value: 'message.sent' },
			{ name: 'message.received', value: 'message.received' },
			{ name: 'chat.typing_indicator.started', value: 'chat.typing_indicator.started' },
		]);
		expect(nock.isDone()).toBe(true);
	});

	test('an answer without events gives an empty list', async () => {
		nock(BASE_URL).get('/v3/webhook-events').reply(200, {});
		const ctx = createExecuteContext();
		await expect(new Linq().methods.loadOptions.getWebhookEventTypes.call(ctx)).resolves.toEqual(
			[],
		);
	});
});
