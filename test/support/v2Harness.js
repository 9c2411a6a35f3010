'use strict';
/**
 * Running the Linq V2 (Legacy) node in the test harness, and capturing what it sends with nock
 * (the V2 twin of oracle.js): method, path, query pairs in order, content type and raw body.
 */
const nock = require('nock');
const { LinqV2Legacy } = require('../../nodes/LinqV2Legacy/LinqV2Legacy.node');
const { createExecuteContext } = require('./harness');

const V2_BASE_URL = 'https://api.linq-v2.test';
const V2_TOKEN = 'v2_int_token_3c9e1f7a52d4';

function v2Credentials(overrides = {}) {
	return { integrationToken: V2_TOKEN, baseUrl: V2_BASE_URL, webhookSecret: '', ...overrides };
}

/** nock hands a body that is not valid UTF-8 over as hex; a multipart body starts with "--". */
function rawBodyOf(body, contentType) {
	if (body === undefined || body === null || body === '') return Buffer.alloc(0);
	if (typeof body !== 'string') return Buffer.from(JSON.stringify(body));
	if (contentType.startsWith('multipart/') && !body.startsWith('--'))
		return Buffer.from(body, 'hex');
	return Buffer.from(body, 'utf8');
}

/**
 * Runs `fn` with every request to the V2 base URL answered by `reply` (`{status, body}` or a
 * function of the captured request) and returns the captured requests.
 */
async function captureV2(fn, { reply = { status: 200, body: {} } } = {}) {
	const captured = [];
	const scope = nock(V2_BASE_URL).persist();
	for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
		scope[method](() => true).reply(function (uri, body) {
			const url = new URL(uri, V2_BASE_URL);
			const contentType = String(this.req.headers['content-type'] ?? '');
			const request = {
				method: this.req.method.toUpperCase(),
				path: url.pathname,
				searchParams: [...url.searchParams.entries()],
				query: Object.fromEntries(url.searchParams.entries()),
				contentType,
				rawBody: rawBodyOf(body, contentType),
				headers: this.req.headers,
			};
			request.json =
				contentType.startsWith('application/json') && request.rawBody.length > 0
					? JSON.parse(request.rawBody.toString('utf8'))
					: undefined;
			captured.push(request);
			const answer = typeof reply === 'function' ? reply(request) : reply;
			return [answer.status ?? 200, answer.body, answer.headers ?? {}];
		});
	}
	let error;
	try {
		await fn();
	} catch (caught) {
		error = caught;
	} finally {
		nock.cleanAll();
	}
	return { requests: captured, error };
}

async function runV2Node(params, options = {}) {
	const { credentials, ...rest } = options;
	const ctx = createExecuteContext({ params, credentials: v2Credentials(credentials), ...rest });
	const [out] = await new LinqV2Legacy().execute.call(ctx);
	return out;
}

module.exports = { V2_BASE_URL, V2_TOKEN, v2Credentials, captureV2, runV2Node };
