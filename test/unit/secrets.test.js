'use strict';
jest.mock('n8n-workflow', () => require('../support/sleep').mockWorkflow());

const util = require('node:util');
const nock = require('nock');
const {
	BASE_URL,
	TEST_SIGNING_SECRET,
	TEST_TOKEN,
	createExecuteContext,
	defaultCredentials,
} = require('../support/harness');
const { linqApiRequest } = require('../../nodes/shared/transport');
const { RETRY_POLICY } = require('../../nodes/shared/retry');

const SECRETS = { token: TEST_TOKEN, signingSecret: TEST_SIGNING_SECRET };
const credentials = defaultCredentials({ webhookSigningSecret: TEST_SIGNING_SECRET });

function safeJson(value) {
	const seen = new WeakSet();
	try {
		return JSON.stringify(value, (_, inner) => {
			if (typeof inner === 'bigint') return String(inner);
			if (inner && typeof inner === 'object') {
				if (seen.has(inner)) return '[circular]';
				seen.add(inner);
			}
			return inner;
		});
	} catch (error) {
		return `unserialisable: ${error.message}`;
	}
}

/** Every way an error reaches a user, a log or an execution record, as one string. */
function everythingIn(error) {
	const parts = [
		util.inspect(error, { depth: Infinity, showHidden: true }),
		safeJson(error),
		String(error.stack),
	];
	const visited = new Set();
	for (
		let link = error;
		link && typeof link === 'object' && !visited.has(link);
		link = link.cause
	) {
		visited.add(link);
		parts.push(
			String(link.message),
			String(link.description),
			safeJson(link.context),
			safeJson(link.messages),
		);
		parts.push(safeJson(link.errorResponse));
		for (const name of Object.getOwnPropertyNames(link)) parts.push(name, safeJson(link[name]));
	}
	return parts.join('\n');
}

function expectNoSecret(error) {
	expect(error).toBeInstanceOf(Error);
	const text = everythingIn(error);
	for (const [name, secret] of Object.entries(SECRETS)) {
		if (text.includes(secret)) throw new Error(`the ${name} leaked into the thrown error`);
	}
}

async function thrownBy(request, setUp) {
	const ctx = createExecuteContext({ credentials });
	const raw = [];
	const send = ctx.helpers.httpRequestWithAuthentication;
	ctx.helpers.httpRequestWithAuthentication = async function (...args) {
		try {
			return await send.apply(this, args);
		} catch (error) {
			raw.push(error);
			throw error;
		}
	};
	setUp(nock(BASE_URL));
	try {
		await linqApiRequest.call(ctx, request);
	} catch (error) {
		return { error, raw };
	}
	throw new Error('expected the request to fail');
}

const get = { method: 'GET', path: '/v3/chats/chat_1' };
const trace = { trace_id: 'trace-1' };

test.each([
	[
		'400 code 1005',
		get,
		(scope) => scope.get(get.path).reply(400, { code: 1005, message: 'No links', ...trace }),
	],
	[
		'401',
		get,
		(scope) => scope.get(get.path).reply(401, { code: 1001, message: 'Invalid token', ...trace }),
	],
	[
		'404',
		get,
		(scope) => scope.get(get.path).reply(404, { code: 2001, message: 'Not found', ...trace }),
	],
	[
		'422',
		get,
		(scope) => scope.get(get.path).reply(422, { code: 2004, message: 'Bad value', ...trace }),
	],
	[
		'429 beyond the wait limit',
		get,
		(scope) =>
			scope
				.get(get.path)
				.reply(429, { code: 1007, message: 'Slow down', ...trace }, { 'Retry-After': '900' }),
	],
	[
		'500 forever',
		get,
		(scope) =>
			scope
				.get(get.path)
				.times(RETRY_POLICY.maxAttempts)
				.reply(500, { code: 3000, message: 'Oops', ...trace }),
	],
	[
		'502 HTML from a proxy',
		get,
		(scope) =>
			scope
				.get(get.path)
				.times(RETRY_POLICY.maxAttempts)
				.reply(502, '<html><title>Bad Gateway</title></html>', { 'Content-Type': 'text/html' }),
	],
	[
		'500 on a POST without a key',
		{
			method: 'POST',
			path: '/v3/chats',
			body: {
				from: '+15551230001',
				to: ['+15551230002'],
				message: { parts: [{ type: 'text', value: 'Hi' }] },
			},
		},
		(scope) => scope.post('/v3/chats').reply(500, { code: 3000, message: 'Oops', ...trace }),
	],
])('a %s error carries no secret', async (_, request, setUp) => {
	const { error } = await thrownBy(request, setUp);
	expect(error.httpCode).toMatch(/^\d{3}$/);
	expectNoSecret(error);
});

test.each([
	['GET, retried until it gives up', get, RETRY_POLICY.maxAttempts],
	[
		'POST without a key, not retried',
		{
			method: 'POST',
			path: '/v3/chats',
			body: {
				from: '+15551230001',
				to: ['+15551230002'],
				message: { parts: [{ type: 'text', value: 'Hi' }] },
			},
		},
		1,
	],
])(
	'a network error (%s) drops the request config that holds the Authorization header',
	async (_, request, attempts) => {
		const { error, raw } = await thrownBy(request, (scope) =>
			scope
				.intercept(request.path, request.method)
				.times(attempts)
				.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
		);
		expect(raw).toHaveLength(attempts);
		// The check can fail: what n8n's helper throws does hold the token.
		expect(everythingIn(raw[0])).toContain(`Bearer ${TEST_TOKEN}`);
		expect(error.message).toBe('Could not reach the Linq API (ECONNRESET)');
		expectNoSecret(error);
	},
);

test('a helper that throws on an HTTP status leaves its request config behind', async () => {
	const ctx = createExecuteContext({ credentials });
	const send = ctx.helpers.httpRequestWithAuthentication;
	let raw;
	ctx.helpers.httpRequestWithAuthentication = async function (type, options) {
		try {
			return await send.call(this, type, { ...options, ignoreHttpStatusErrors: false });
		} catch (error) {
			raw = error;
			throw error;
		}
	};
	nock(BASE_URL)
		.get(get.path)
		.reply(403, { code: 1002, message: 'Forbidden', ...trace });
	const error = await linqApiRequest.call(ctx, get).catch((thrown) => thrown);
	expect(everythingIn(raw)).toContain(TEST_TOKEN);
	expect(error.httpCode).toBe('403');
	expectNoSecret(error);
});

test('a server or proxy that echoes the secrets back has them blanked out of the error', async () => {
	const { error } = await thrownBy(get, (scope) =>
		scope.get(get.path).reply(401, {
			code: 1001,
			message: `Token ${TEST_TOKEN} is not valid for secret ${TEST_SIGNING_SECRET}`,
			...trace,
		}),
	);
	expect(error.messages).toContain('Token [redacted] is not valid for secret [redacted]');
	expectNoSecret(error);
});
