'use strict';
jest.mock('n8n-workflow', () => require('../support/sleep').mockWorkflow());

const nock = require('nock');
const { NodeApiError } = require('n8n-workflow');
const { sleeps } = require('../support/sleep');
const {
	BASE_URL,
	TEST_TOKEN,
	createExecuteContext,
	defaultCredentials,
} = require('../support/harness');
const {
	linqApiRequest,
	linqApiRequestAllItems,
	linqRequest,
} = require('../../nodes/shared/transport');
const { RETRY_POLICY } = require('../../nodes/shared/retry');

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

beforeEach(() => {
	sleeps.length = 0;
});
afterEach(() => jest.restoreAllMocks());

function linqError(code, message) {
	return { code, message, trace_id: TRACE };
}

// nock 14 only fails the socket for an Error instance; a plain object leaves axios hanging.
function connectionReset() {
	return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

async function failure(promise) {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected the request to fail');
}

function call(request, options = {}) {
	const ctx = createExecuteContext(options);
	return { ctx, promise: linqApiRequest.call(ctx, request) };
}

describe('error mapping', () => {
	test('400 with code 1005 shows status, Linq code, message and trace_id, and is not retried', async () => {
		const scope = nock(BASE_URL)
			.post('/v3/chats')
			.reply(400, linqError(1005, 'The first message of a new chat cannot contain a link'));
		const { ctx, promise } = call({
			method: 'POST',
			path: '/v3/chats',
			body: {
				from: '+15551230001',
				to: ['+15551230002'],
				message: { parts: [{ type: 'text', value: 'Hi' }] },
			},
			itemIndex: 2,
		});
		const error = await failure(promise);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe(
			'Linq API error 400 (code 1005): The first message of a new chat cannot contain a link',
		);
		expect(error.description).toContain(`trace_id: ${TRACE}`);
		expect(error.description).toContain('Linq error code: 1005');
		expect(error.context).toMatchObject({ linqCode: 1005, traceId: TRACE, itemIndex: 2 });
		expect(ctx.requests).toHaveLength(1);
		expect(sleeps).toEqual([]);
		scope.done();
	});

	test('401 tells the user to check the API token', async () => {
		nock(BASE_URL).get('/v3/phone_numbers').reply(401, linqError(1001, 'Invalid token'));
		const { ctx, promise } = call({ method: 'GET', path: '/v3/phone_numbers' });
		const error = await failure(promise);
		expect(error.httpCode).toBe('401');
		expect(error.message).toBe('Linq rejected the API token (code 1001)');
		expect(error.description).toContain('Check the API token in your Linq API credentials');
		expect(error.description).toContain(`trace_id: ${TRACE}`);
		expect(ctx.requests).toHaveLength(1);
	});

	test.each([
		[404, 2001, 'Chat not found', 'Check the ID'],
		[422, 2004, 'Group chats need at least two recipients', 'cannot do it with these values'],
	])('%i shows status, code %i and trace_id', async (status, code, message, hint) => {
		nock(BASE_URL).get('/v3/chats/chat_1').reply(status, linqError(code, message));
		const { ctx, promise } = call({ method: 'GET', path: '/v3/chats/chat_1' });
		const error = await failure(promise);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe(String(status));
		expect(error.message).toBe(`Linq API error ${status} (code ${code}): ${message}`);
		expect(error.description).toContain(hint);
		expect(error.description).toContain(`trace_id: ${TRACE}`);
		expect(ctx.requests).toHaveLength(1);
	});

	test('an error nested under "error" and a trace id only in the x-trace-id header are both read', async () => {
		nock(BASE_URL)
			.get('/v3/chats/chat_1')
			.reply(
				404,
				{ error: { code: 2001, message: 'Chat not found' } },
				{ 'x-trace-id': 'trace-from-header' },
			);
		const error = await failure(call({ method: 'GET', path: '/v3/chats/chat_1' }).promise);
		expect(error.message).toBe('Linq API error 404 (code 2001): Chat not found');
		expect(error.description).toContain('trace_id: trace-from-header');
	});

	test.each([400, 401, 403, 404, 409, 422])(
		'%i is never retried, whatever the method',
		async (status) => {
			nock(BASE_URL).get('/v3/chats').reply(status, linqError(1000, 'no'));
			const { ctx, promise } = call({ method: 'GET', path: '/v3/chats' });
			const error = await failure(promise);
			expect(error.httpCode).toBe(String(status));
			expect(ctx.requests).toHaveLength(1);
			expect(sleeps).toEqual([]);
		},
	);

	test('a 5xx with an HTML body from a proxy still gives a readable error', async () => {
		nock(BASE_URL)
			.get('/v3/chats')
			.times(RETRY_POLICY.maxAttempts)
			.reply(
				502,
				'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
				{ 'Content-Type': 'text/html' },
			);
		const error = await failure(call({ method: 'GET', path: '/v3/chats' }).promise);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('502');
		expect(error.message).toBe('Linq API error 502: 502 Bad Gateway');
		expect(`${error.message}\n${error.description}`).not.toMatch(/[<>]/);
		expect(error.description).toContain('trace_id: not given');
	});
});

describe('retries', () => {
	test('503 with Retry-After on a repeatable request waits that long, not the backoff', async () => {
		const scope = nock(BASE_URL)
			.get('/v3/chats/chat_1')
			.reply(503, 'Service Unavailable', { 'Retry-After': '4' })
			.get('/v3/chats/chat_1')
			.reply(200, { id: 'chat_1' });
		const { ctx, promise } = call({ method: 'GET', path: '/v3/chats/chat_1' });
		await expect(promise).resolves.toEqual({ id: 'chat_1' });
		expect(sleeps).toEqual([4000]);
		expect(ctx.requests).toHaveLength(2);
		scope.done();
	});

	test('429 with Retry-After waits exactly that long, then succeeds', async () => {
		const scope = nock(BASE_URL)
			.get('/v3/chats/chat_1')
			.reply(429, linqError(1007, 'Rate limit exceeded'), { 'Retry-After': '7' })
			.get('/v3/chats/chat_1')
			.reply(200, { id: 'chat_1' });
		const { ctx, promise } = call({ method: 'GET', path: '/v3/chats/chat_1' });
		await expect(promise).resolves.toEqual({ id: 'chat_1' });
		expect(sleeps).toEqual([7000]);
		expect(ctx.requests).toHaveLength(2);
		scope.done();
	});

	test('429 with retry_after in the body waits that long', async () => {
		nock(BASE_URL)
			.get('/v3/chats')
			.reply(429, { ...linqError(1007, 'Rate limit exceeded'), retry_after: 3 })
			.get('/v3/chats')
			.reply(200, { chats: [] });
		await expect(call({ method: 'GET', path: '/v3/chats' }).promise).resolves.toEqual({
			chats: [],
		});
		expect(sleeps).toEqual([3000]);
	});

	test('429 with an HTTP-date Retry-After waits until that date', async () => {
		const now = Date.UTC(2026, 0, 15, 12, 0, 0);
		jest.spyOn(Date, 'now').mockReturnValue(now);
		nock(BASE_URL)
			.get('/v3/chats')
			.reply(429, linqError(1007, 'Rate limit exceeded'), {
				'Retry-After': new Date(now + 12_000).toUTCString(),
			})
			.get('/v3/chats')
			.reply(200, { chats: [] });
		await call({ method: 'GET', path: '/v3/chats' }).promise;
		expect(sleeps).toEqual([12_000]);
	});

	test('429 is retried even for a POST without an idempotency key, because Linq did not act on it', async () => {
		nock(BASE_URL)
			.post('/v3/chats/chat_1/read')
			.reply(429, linqError(1007, 'Rate limit exceeded'), { 'Retry-After': '1' })
			.post('/v3/chats/chat_1/read')
			.reply(204);
		const { ctx, promise } = call({ method: 'POST', path: '/v3/chats/chat_1/read' });
		await expect(promise).resolves.toEqual({});
		expect(ctx.requests).toHaveLength(2);
	});

	test('429 whose Retry-After is longer than the policy allows fails at once and says how long', async () => {
		nock(BASE_URL)
			.get('/v3/chats')
			.reply(429, linqError(1007, 'Rate limit exceeded'), { 'Retry-After': '600' });
		const { ctx, promise } = call({ method: 'GET', path: '/v3/chats' });
		const error = await failure(promise);
		expect(error.httpCode).toBe('429');
		expect(error.message).toBe('Linq rate limited the request (code 1007); retry after 600 s');
		expect(error.description).toContain(`trace_id: ${TRACE}`);
		expect(ctx.requests).toHaveLength(1);
		expect(sleeps).toEqual([]);
	});

	test('500 twice then 200 on a POST with an idempotency key sends the same key every time', async () => {
		const body = {
			to: ['+15551230002'],
			message: { parts: [{ type: 'text', value: 'Hello' }], idempotency_key: 'n8n-abc123' },
		};
		const seen = [];
		nock(BASE_URL)
			.post('/v3/messages')
			.times(2)
			.reply(500, (uri, requestBody) => {
				seen.push(requestBody);
				return linqError(3000, 'Internal error');
			})
			.post('/v3/messages')
			.reply(202, (uri, requestBody) => {
				seen.push(requestBody);
				return { message: { id: 'msg_1' } };
			});
		const { ctx, promise } = call({ method: 'POST', path: '/v3/messages', body });
		await expect(promise).resolves.toEqual({ message: { id: 'msg_1' } });
		expect(seen).toEqual([body, body, body]);
		expect(ctx.requests).toHaveLength(3);
		expect(sleeps).toHaveLength(2);
	});

	test('an idempotency-key header in any letter case makes a POST repeatable', async () => {
		nock(BASE_URL)
			.post('/v3/messages')
			.reply(500, linqError(3000, 'Internal error'))
			.post('/v3/messages')
			.reply(202, { message: { id: 'msg_3' } });
		const { ctx, promise } = call({
			method: 'POST',
			path: '/v3/messages',
			body: { to: ['+15551230002'], message: { parts: [{ type: 'text', value: 'Hi' }] } },
			headers: { 'idempotency-key': 'key-8' },
		});
		await expect(promise).resolves.toEqual({ message: { id: 'msg_3' } });
		expect(ctx.requests).toHaveLength(2);
	});

	test('an Idempotency-Key header makes a POST repeatable and is kept on every attempt', async () => {
		const keys = [];
		nock(BASE_URL)
			.post('/v3/messages')
			.reply(503, function () {
				keys.push(this.req.headers['idempotency-key']);
				return linqError(3001, 'Unavailable');
			})
			.post('/v3/messages')
			.reply(202, function () {
				keys.push(this.req.headers['idempotency-key']);
				return { message: { id: 'msg_2' } };
			});
		const { promise } = call({
			method: 'POST',
			path: '/v3/messages',
			body: { to: ['+15551230002'], message: { parts: [{ type: 'text', value: 'Hi' }] } },
			headers: { 'Idempotency-Key': 'key-7' },
		});
		await expect(promise).resolves.toEqual({ message: { id: 'msg_2' } });
		expect(keys).toEqual(['key-7', 'key-7']);
	});

	test('500 forever gives up after exactly maxAttempts with bounded, growing waits', async () => {
		let attempts = 0;
		nock(BASE_URL)
			.persist()
			.get('/v3/chats/chat_1')
			.reply(500, () => {
				attempts++;
				return linqError(3000, 'Internal error');
			});
		const error = await failure(call({ method: 'GET', path: '/v3/chats/chat_1' }).promise);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('500');
		expect(error.message).toBe('Linq API error 500 (code 3000): Internal error');
		expect(error.description).toContain(`Attempts made: ${RETRY_POLICY.maxAttempts}.`);
		expect(error.description).toContain(`trace_id: ${TRACE}`);
		expect(attempts).toBe(RETRY_POLICY.maxAttempts);
		expect(sleeps).toHaveLength(RETRY_POLICY.maxAttempts - 1);
		sleeps.forEach((ms, index) => {
			expect(ms).toBeGreaterThanOrEqual(RETRY_POLICY.baseDelayMs);
			expect(ms).toBeLessThanOrEqual(RETRY_POLICY.maxDelayMs * 1.25);
			if (index > 0) expect(ms).toBeGreaterThan(sleeps[index - 1]);
		});
	});

	test('500 on a POST without an idempotency key is not retried, so nothing is sent twice', async () => {
		nock(BASE_URL).post('/v3/chats').reply(500, linqError(3000, 'Internal error'));
		const { ctx, promise } = call({
			method: 'POST',
			path: '/v3/chats',
			body: { from: '+15551230001', to: ['+15551230002'], message: { parts: [] } },
		});
		const error = await failure(promise);
		expect(error.httpCode).toBe('500');
		expect(ctx.requests).toHaveLength(1);
		expect(sleeps).toEqual([]);
	});

	test('a POST marked idempotent is retried after a 5xx', async () => {
		nock(BASE_URL)
			.post('/v3/chats/chat_1/read')
			.reply(500, linqError(3000, 'Internal error'))
			.post('/v3/chats/chat_1/read')
			.reply(204);
		const { ctx, promise } = call({
			method: 'POST',
			path: '/v3/chats/chat_1/read',
			idempotent: true,
		});
		await expect(promise).resolves.toEqual({});
		expect(ctx.requests).toHaveLength(2);
	});

	test.each([
		['a network error (ECONNRESET)', () => connectionReset()],
		// n8n 2.8 wraps a dropped connection without its error code.
		['a failure with no HTTP answer and no error code', () => new Error('socket hang up')],
	])('%s is retried, then the request succeeds', async (_, failure) => {
		nock(BASE_URL)
			.get('/v3/chats/chat_1')
			.replyWithError(failure())
			.get('/v3/chats/chat_1')
			.reply(200, { id: 'chat_1' });
		const { ctx, promise } = call({ method: 'GET', path: '/v3/chats/chat_1' });
		await expect(promise).resolves.toEqual({ id: 'chat_1' });
		expect(ctx.requests).toHaveLength(2);
		expect(sleeps).toHaveLength(1);
	});

	test('a network error that persists fails after maxAttempts with a readable message', async () => {
		nock(BASE_URL)
			.get('/v3/chats/chat_1')
			.times(RETRY_POLICY.maxAttempts)
			.replyWithError(connectionReset());
		const { ctx, promise } = call({ method: 'GET', path: '/v3/chats/chat_1' });
		const error = await failure(promise);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Could not reach the Linq API (ECONNRESET)');
		expect(error.description).toContain('Check the Base URL');
		expect(error.description).toContain(`Attempts made: ${RETRY_POLICY.maxAttempts}.`);
		expect(ctx.requests).toHaveLength(RETRY_POLICY.maxAttempts);
		expect(sleeps).toHaveLength(RETRY_POLICY.maxAttempts - 1);
	});

	test('a cancelled request (workflow stopped) is not retried', async () => {
		const ctx = createExecuteContext();
		ctx.helpers.httpRequestWithAuthentication = jest.fn(async () => {
			throw Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' });
		});
		const error = await failure(linqApiRequest.call(ctx, { method: 'GET', path: '/v3/chats' }));
		expect(error.message).toBe('Could not reach the Linq API (ERR_CANCELED)');
		expect(ctx.helpers.httpRequestWithAuthentication).toHaveBeenCalledTimes(1);
		expect(sleeps).toEqual([]);
	});

	test('a helper that throws on an HTTP status is mapped and retried like an answered request', async () => {
		const ctx = createExecuteContext();
		const send = ctx.helpers.httpRequestWithAuthentication;
		ctx.helpers.httpRequestWithAuthentication = function (type, options) {
			return send.call(this, type, { ...options, ignoreHttpStatusErrors: false });
		};
		nock(BASE_URL)
			.get('/v3/chats/chat_1')
			.reply(503, linqError(3001, 'Unavailable'))
			.get('/v3/chats/chat_1')
			.reply(404, linqError(2001, 'Chat not found'));
		const error = await failure(
			linqApiRequest.call(ctx, { method: 'GET', path: '/v3/chats/chat_1' }),
		);
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Linq API error 404 (code 2001): Chat not found');
		expect(error.description).toContain(`trace_id: ${TRACE}`);
		expect(ctx.requests).toHaveLength(2);
		expect(sleeps).toHaveLength(1);
	});

	test('a network error on a POST without an idempotency key is not retried', async () => {
		nock(BASE_URL).post('/v3/chats').replyWithError(connectionReset());
		const { ctx, promise } = call({
			method: 'POST',
			path: '/v3/chats',
			body: {
				from: '+15551230001',
				to: ['+15551230002'],
				message: { parts: [{ type: 'text', value: 'Hi' }] },
			},
		});
		const error = await failure(promise);
		expect(error.message).toBe('Could not reach the Linq API (ECONNRESET)');
		expect(ctx.requests).toHaveLength(1);
	});
});

describe('the request on the wire', () => {
	test('query arrays are sent comma-separated and empty values are left out', async () => {
		const scope = nock(BASE_URL)
			.get('/v3/chats')
			.query((query) => {
				expect(query).toEqual({
					from: '+15551230001',
					to: '+15551230002,+15551230003',
					limit: '20',
				});
				return true;
			})
			.reply(200, { chats: [] });
		await linqApiRequest.call(createExecuteContext(), {
			method: 'GET',
			path: '/v3/chats',
			qs: {
				from: '+15551230001',
				to: ['+15551230002', '+15551230003'],
				limit: 20,
				cursor: undefined,
				x: '',
			},
		});
		scope.done();
	});

	test.each([
		['no trailing slash', BASE_URL],
		['one trailing slash', `${BASE_URL}/`],
		['several trailing slashes and spaces', ` ${BASE_URL}/// `],
	])('the base URL with %s is joined to the path once', async (_, baseUrl) => {
		const scope = nock(BASE_URL).get('/v3/phone_numbers').reply(200, { phone_numbers: [] });
		const ctx = createExecuteContext({ credentials: defaultCredentials({ baseUrl }) });
		await linqApiRequest.call(ctx, { method: 'GET', path: '/v3/phone_numbers' });
		expect(ctx.requests[0].url).toBe(`${BASE_URL}/v3/phone_numbers`);
		scope.done();
	});

	test('an empty base URL falls back to the production API', async () => {
		const scope = nock('https://api.linqapp.com')
			.get('/api/partner/v3/phone_numbers')
			.reply(200, {});
		const ctx = createExecuteContext({ credentials: defaultCredentials({ baseUrl: '' }) });
		await linqApiRequest.call(ctx, { method: 'GET', path: '/v3/phone_numbers' });
		scope.done();
	});

	test('the JSON body is sent exactly as given, with the Bearer token', async () => {
		const body = {
			from: '+15551230001',
			to: ['+15551230002', 'friend@example.com'],
			message: {
				parts: [
					{ type: 'text', value: 'Ünïcödé ✓ "quoted"\nsecond line' },
					{ type: 'media', url: 'https://cdn.example.com/a.png' },
				],
				effect: { type: 'screen', name: 'confetti' },
				idempotency_key: 'n8n-1',
			},
		};
		const scope = nock(BASE_URL, {
			reqheaders: {
				authorization: `Bearer ${TEST_TOKEN}`,
				'content-type': /^application\/json/,
				accept: 'application/json',
			},
		})
			.post('/v3/chats', (sent) => {
				expect(sent).toEqual(body);
				return true;
			})
			.reply(201, { chat: { id: 'chat_9' } });
		const result = await linqRequest.call(createExecuteContext(), {
			method: 'POST',
			path: '/v3/chats',
			body,
		});
		expect(result).toEqual({
			body: { chat: { id: 'chat_9' } },
			headers: expect.any(Object),
			statusCode: 201,
			attempts: 1,
		});
		scope.done();
	});

	test('an empty success body becomes an empty object', async () => {
		nock(BASE_URL).delete('/v3/attachments/att_1').reply(204);
		await expect(
			linqApiRequest.call(createExecuteContext(), {
				method: 'DELETE',
				path: '/v3/attachments/att_1',
			}),
		).resolves.toEqual({});
	});
});

describe('pagination', () => {
	const chats = (from, count) =>
		Array.from({ length: count }, (_, i) => ({ id: `chat_${from + i}` }));
	const request = { method: 'GET', path: '/v3/chats', qs: { from: '+15551230001' } };

	/** The items collected and how many requests it took. */
	async function collect(page) {
		const ctx = createExecuteContext();
		const items = await linqApiRequestAllItems.call(ctx, request, { property: 'chats', ...page });
		return { items, requests: ctx.requests.length };
	}

	test('Return All follows next_cursor over three pages, asking for 100 each time', async () => {
		const scope = nock(BASE_URL)
			.get('/v3/chats')
			.query({ from: '+15551230001', limit: '100' })
			.reply(200, { chats: chats(0, 100), next_cursor: 'cur_2' })
			.get('/v3/chats')
			.query({ from: '+15551230001', limit: '100', cursor: 'cur_2' })
			.reply(200, { chats: chats(100, 100), next_cursor: 'cur_3' })
			.get('/v3/chats')
			.query({ from: '+15551230001', limit: '100', cursor: 'cur_3' })
			.reply(200, { chats: chats(200, 7), next_cursor: null });
		expect(await collect({ returnAll: true })).toEqual({ items: chats(0, 207), requests: 3 });
		scope.done();
	});

	test('a Limit of 5 costs one request asking for 5', async () => {
		const scope = nock(BASE_URL)
			.get('/v3/chats')
			.query({ from: '+15551230001', limit: '5' })
			.reply(200, { chats: chats(0, 5), next_cursor: 'cur_2' });
		expect(await collect({ returnAll: false, limit: 5 })).toEqual({
			items: chats(0, 5),
			requests: 1,
		});
		scope.done();
	});

	test('a Limit of 150 asks for 100 twice (the limit stays the same, as in the SDK), keeps 150 and stops although more pages exist', async () => {
		const scope = nock(BASE_URL)
			.get('/v3/chats')
			.query({ from: '+15551230001', limit: '100' })
			.reply(200, { chats: chats(0, 100), next_cursor: 'cur_2' })
			.get('/v3/chats')
			.query({ from: '+15551230001', limit: '100', cursor: 'cur_2' })
			.reply(200, { chats: chats(100, 100), next_cursor: 'cur_3' });
		expect(await collect({ returnAll: false, limit: 150 })).toEqual({
			items: chats(0, 150),
			requests: 2,
		});
		scope.done();
	});

	test('a server that returns more than asked is trimmed to the Limit', async () => {
		nock(BASE_URL)
			.get('/v3/chats')
			.query(true)
			.reply(200, { chats: chats(0, 10), next_cursor: 'cur_2' });
		expect(await collect({ returnAll: false, limit: 3 })).toEqual({
			items: chats(0, 3),
			requests: 1,
		});
	});

	test('an empty page ends Return All even if a cursor comes back', async () => {
		nock(BASE_URL).get('/v3/chats').query(true).reply(200, { chats: [], next_cursor: 'cur_loop' });
		expect(await collect({ returnAll: true })).toEqual({ items: [], requests: 1 });
	});
});
