'use strict';
jest.mock('n8n-workflow', () => require('../support/sleep').mockWorkflow());

const nock = require('nock');
const { LinqTrigger } = require('../../nodes/LinqTrigger/LinqTrigger.node');
const { BASE_URL, TEST_SIGNING_SECRET, TEST_TOKEN } = require('../support/harness');
const { PRODUCTION_URL, TEST_URL, createTriggerContext } = require('../support/webhookContext');

const { checkExists, create, delete: remove } = new LinqTrigger().webhookMethods.default;
const NODE_KEY = 'node:Linq Trigger';
const PRODUCTION_TARGET = `${PRODUCTION_URL}?version=2026-02-03`;
const TEST_TARGET = `${TEST_URL}?version=2026-02-03`;
const params = {
	events: ['message.received', 'reaction.added'],
	lines: ['+1 555 000 0001'],
	options: {},
};

function linq() {
	return nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } });
}

function hook(options = {}) {
	return createTriggerContext({ params, mode: 'trigger', ...options });
}

function registration(overrides = {}) {
	return {
		id: 'sub_1',
		secret: TEST_SIGNING_SECRET,
		targetUrl: PRODUCTION_TARGET,
		events: ['message.received', 'reaction.added'],
		lines: ['+15550000001'],
		test: false,
		...overrides,
	};
}

function remote(overrides = {}) {
	return {
		id: 'sub_1',
		target_url: PRODUCTION_TARGET,
		subscribed_events: ['reaction.added', 'message.received'],
		phone_numbers: ['+15550000001'],
		is_active: true,
		created_at: '2026-11-23T10:00:00Z',
		updated_at: '2026-11-23T10:00:00Z',
		...overrides,
	};
}

function withRegistrations(registrations) {
	return { [NODE_KEY]: { registrations } };
}

describe('create', () => {
	test('subscribes our URL with the version, events and lines, and keeps the id and secret', async () => {
		let body;
		const scope = linq()
			.post('/v3/webhook-subscriptions', (sent) => {
				body = sent;
				return true;
			})
			.reply(201, { ...remote(), signing_secret: TEST_SIGNING_SECRET });
		const ctx = hook();
		expect(await create.call(ctx)).toBe(true);
		scope.done();
		expect(body).toEqual({
			target_url: PRODUCTION_TARGET,
			subscribed_events: ['message.received', 'reaction.added'],
			phone_numbers: ['+15550000001'],
		});
		expect(ctx.staticData[NODE_KEY].registrations).toEqual({ [PRODUCTION_URL]: registration() });
	});

	test('no lines chosen means no phone_numbers filter', async () => {
		let body;
		linq()
			.post('/v3/webhook-subscriptions', (sent) => {
				body = sent;
				return true;
			})
			.reply(201, { ...remote(), signing_secret: TEST_SIGNING_SECRET });
		await create.call(hook({ params: { ...params, lines: [] } }));
		expect(body).not.toHaveProperty('phone_numbers');
	});

	test('a response without a signing secret removes the subscription and fails loudly', async () => {
		const scope = linq()
			.post('/v3/webhook-subscriptions')
			.reply(201, remote())
			.delete('/v3/webhook-subscriptions/sub_1')
			.reply(204);
		const ctx = hook();
		await expect(create.call(ctx)).rejects.toThrow(/signing secret/);
		scope.done();
		expect(ctx.staticData[NODE_KEY]?.registrations).toBeUndefined();
	});

	test('no events chosen is refused before anything is sent', async () => {
		await expect(create.call(hook({ params: { ...params, events: [] } }))).rejects.toThrow(
			/Events is empty/,
		);
	});
});

describe('checkExists', () => {
	test('a stored subscription that matches the node exists', async () => {
		const scope = linq().get('/v3/webhook-subscriptions/sub_1').reply(200, remote());
		const ctx = hook({ staticData: withRegistrations({ [PRODUCTION_URL]: registration() }) });
		expect(await checkExists.call(ctx)).toBe(true);
		scope.done();
	});

	test('after a remote 404 the id is forgotten and it returns false', async () => {
		const scope = linq()
			.get('/v3/webhook-subscriptions/sub_1')
			.reply(404, { code: 2001, message: 'Not found', trace_id: 't1' })
			.get('/v3/webhook-subscriptions')
			.reply(200, { subscriptions: [] });
		const ctx = hook({ staticData: withRegistrations({ [PRODUCTION_URL]: registration() }) });
		expect(await checkExists.call(ctx)).toBe(false);
		scope.done();
		expect(ctx.staticData[NODE_KEY].registrations).toEqual({});
	});

	test('changed events are sent to Linq with a PUT, and the stored settings follow', async () => {
		let body;
		const scope = linq()
			.get('/v3/webhook-subscriptions/sub_1')
			.reply(200, remote({ subscribed_events: ['message.received'] }))
			.put('/v3/webhook-subscriptions/sub_1', (sent) => {
				body = sent;
				return true;
			})
			.reply(200, remote());
		const stored = registration({ events: ['message.received'] });
		const ctx = hook({ staticData: withRegistrations({ [PRODUCTION_URL]: stored }) });
		expect(await checkExists.call(ctx)).toBe(true);
		scope.done();
		expect(body).toEqual({
			target_url: PRODUCTION_TARGET,
			subscribed_events: ['message.received', 'reaction.added'],
			phone_numbers: ['+15550000001'],
			is_active: true,
		});
		expect(ctx.staticData[NODE_KEY].registrations[PRODUCTION_URL]).toEqual(registration());
	});

	test('changed lines and a deactivated subscription are updated too', async () => {
		const scope = linq()
			.get('/v3/webhook-subscriptions/sub_1')
			.reply(200, remote({ phone_numbers: null, is_active: false }))
			.put('/v3/webhook-subscriptions/sub_1')
			.reply(200, remote());
		expect(
			await checkExists.call(
				hook({ staticData: withRegistrations({ [PRODUCTION_URL]: registration() }) }),
			),
		).toBe(true);
		scope.done();
	});

	test('a stale subscription on our URL without a secret is deleted, never adopted, so create makes a fresh one', async () => {
		const scope = linq()
			.get('/v3/webhook-subscriptions')
			.reply(200, {
				subscriptions: [
					remote({ id: 'sub_stale' }),
					remote({ id: 'sub_other', target_url: 'https://elsewhere.example.com/hook' }),
				],
			})
			.delete('/v3/webhook-subscriptions/sub_stale')
			.reply(204)
			.post('/v3/webhook-subscriptions')
			.reply(201, {
				...remote({ id: 'sub_new' }),
				signing_secret: 'whsec_bmV3LXNpZ25pbmctc2VjcmV0LTIwMjY=',
			});
		const ctx = hook({ staticData: {} });
		expect(await checkExists.call(ctx)).toBe(false);
		expect(await create.call(ctx)).toBe(true);
		scope.done();
		expect(ctx.staticData[NODE_KEY].registrations[PRODUCTION_URL]).toMatchObject({
			id: 'sub_new',
			secret: 'whsec_bmV3LXNpZ25pbmctc2VjcmV0LTIwMjY=',
		});
	});

	test('a stored entry without its secret is treated like no entry: the remote one is replaced', async () => {
		const scope = linq()
			.get('/v3/webhook-subscriptions')
			.reply(200, { subscriptions: [remote()] })
			.delete('/v3/webhook-subscriptions/sub_1')
			.reply(204);
		const ctx = hook({
			staticData: withRegistrations({ [PRODUCTION_URL]: registration({ secret: '' }) }),
		});
		expect(await checkExists.call(ctx)).toBe(false);
		scope.done();
	});

	test('when the production URL changed, the subscription for the old URL is deleted', async () => {
		const oldUrl = 'https://old-host.example.com/webhook/5f1c2d3e-trigger/webhook';
		const scope = linq()
			.delete('/v3/webhook-subscriptions/sub_old')
			.reply(204)
			.get('/v3/webhook-subscriptions')
			.reply(200, { subscriptions: [] });
		const ctx = hook({
			staticData: withRegistrations({ [oldUrl]: registration({ id: 'sub_old' }) }),
		});
		expect(await checkExists.call(ctx)).toBe(false);
		scope.done();
		expect(ctx.staticData[NODE_KEY].registrations).toEqual({});
	});

	test('a server error while checking surfaces instead of being swallowed', async () => {
		linq()
			.get('/v3/webhook-subscriptions/sub_1')
			.times(5)
			.reply(500, { code: 3000, message: 'boom' });
		const ctx = hook({ staticData: withRegistrations({ [PRODUCTION_URL]: registration() }) });
		await expect(checkExists.call(ctx)).rejects.toThrow(/500/);
	});
});

describe('delete', () => {
	test('deletes the stored subscription and forgets it', async () => {
		const scope = linq().delete('/v3/webhook-subscriptions/sub_1').reply(204);
		const ctx = hook({ staticData: withRegistrations({ [PRODUCTION_URL]: registration() }) });
		expect(await remove.call(ctx)).toBe(true);
		scope.done();
		expect(ctx.staticData[NODE_KEY].registrations).toEqual({});
	});

	test('a 404 counts as already gone', async () => {
		const scope = linq()
			.delete('/v3/webhook-subscriptions/sub_1')
			.reply(404, { code: 2001, message: 'Not found' });
		const ctx = hook({ staticData: withRegistrations({ [PRODUCTION_URL]: registration() }) });
		expect(await remove.call(ctx)).toBe(true);
		scope.done();
		expect(ctx.staticData[NODE_KEY].registrations).toEqual({});
	});

	test('a 500 throws and keeps the entry, so a later attempt can still remove it', async () => {
		linq()
			.delete('/v3/webhook-subscriptions/sub_1')
			.times(5)
			.reply(500, { code: 3000, message: 'boom', trace_id: 't9' });
		const ctx = hook({ staticData: withRegistrations({ [PRODUCTION_URL]: registration() }) });
		await expect(remove.call(ctx)).rejects.toMatchObject({ httpCode: '500' });
		expect(ctx.staticData[NODE_KEY].registrations[PRODUCTION_URL].id).toBe('sub_1');
	});

	test('with nothing stored, subscriptions on our URL are still removed', async () => {
		const scope = linq()
			.get('/v3/webhook-subscriptions')
			.reply(200, { subscriptions: [remote({ id: 'sub_orphan' })] })
			.delete('/v3/webhook-subscriptions/sub_orphan')
			.reply(204);
		expect(await remove.call(hook({ staticData: {} }))).toBe(true);
		scope.done();
	});
});

describe('"Listen for test event" next to an active workflow', () => {
	test('the test URL gets its own subscription and secret, and the test delete leaves production untouched', async () => {
		// n8n starts the test listen from a copy of the workflow's static data, which holds production's entry.
		const staticData = withRegistrations({ [PRODUCTION_URL]: registration() });
		const testHook = () =>
			createTriggerContext({ params, mode: 'manual', webhookUrl: TEST_URL, staticData });
		const scope = linq()
			.get('/v3/webhook-subscriptions')
			.reply(200, { subscriptions: [remote()] })
			.post('/v3/webhook-subscriptions', (sent) => sent.target_url === TEST_TARGET)
			.reply(201, {
				...remote({ id: 'sub_test', target_url: TEST_TARGET }),
				signing_secret: 'whsec_dGVzdC1vbmx5LXNpZ25pbmctc2VjcmV0',
			})
			.delete('/v3/webhook-subscriptions/sub_test')
			.reply(204);

		expect(await checkExists.call(testHook())).toBe(false);
		expect(await create.call(testHook())).toBe(true);
		const registrations = staticData[NODE_KEY].registrations;
		expect(registrations[TEST_URL]).toMatchObject({
			id: 'sub_test',
			secret: 'whsec_dGVzdC1vbmx5LXNpZ25pbmctc2VjcmV0',
			test: true,
		});
		expect(registrations[PRODUCTION_URL]).toEqual(registration());

		// When the listen ends n8n calls delete with the test URL (mode "internal").
		const end = createTriggerContext({
			params,
			mode: 'internal',
			webhookUrl: TEST_URL,
			staticData,
		});
		expect(await remove.call(end)).toBe(true);
		scope.done();
		expect(staticData[NODE_KEY].registrations).toEqual({ [PRODUCTION_URL]: registration() });
	});
});

describe('requests match the official SDK', () => {
	const { sdk, captureRequest, expectSameRequest } = require('../support/oracle');
	const reply = (request) =>
		request.method === 'GET'
			? { status: 200, body: remote({ subscribed_events: ['message.received'] }) }
			: { status: 200, body: { ...remote(), signing_secret: TEST_SIGNING_SECRET } };
	const wanted = {
		target_url: PRODUCTION_TARGET,
		subscribed_events: ['message.received', 'reaction.added'],
		phone_numbers: ['+15550000001'],
	};

	test('create', async () => {
		const theirs = await captureRequest(() => sdk().webhookSubscriptions.create(wanted), { reply });
		const ours = await captureRequest(() => create.call(hook()), { reply });
		expectSameRequest(ours, theirs);
	});

	test('update', async () => {
		const theirs = await captureRequest(
			() => sdk().webhookSubscriptions.update('sub_1', { ...wanted, is_active: true }),
			{ reply },
		);
		const requests = await captureRequest(
			() =>
				checkExists.call(
					hook({ staticData: withRegistrations({ [PRODUCTION_URL]: registration() }) }),
				),
			{ reply, all: true },
		);
		// The last GET lists subscriptions for Send and Wait's expired ones (waitSubscriptions.ts).
		expect(requests.map((request) => request.method)).toEqual(['GET', 'PUT', 'GET']);
		expect(requests[2].path).toBe('/v3/webhook-subscriptions');
		expectSameRequest(requests[1], theirs);
	});

	test('delete', async () => {
		const theirs = await captureRequest(() => sdk().webhookSubscriptions.delete('sub_1'), {
			reply,
		});
		const ours = await captureRequest(
			() =>
				remove.call(hook({ staticData: withRegistrations({ [PRODUCTION_URL]: registration() }) })),
			{ reply },
		);
		expectSameRequest(ours, theirs);
	});
});
