'use strict';
/**
 * Running the Linq V2 (Legacy) node in the test harness, and capturing what it sends with nock
 * (the V2 twin of oracle.js): method, path, query pairs in order, content type and raw body.
 */
const { LinqV2Legacy } = require('../../nodes/LinqV2Legacy/LinqV2Legacy.node');
const { createExecuteContext } = require('./harness');
const { interceptAll } = require('./nockCapture');

const V2_BASE_URL = 'https://api.linq-v2.test';
const V2_TOKEN = 'v2_int_token_3c9e1f7a52d4';

function v2Credentials(overrides = {}) {
	return { integrationToken: V2_TOKEN, baseUrl: V2_BASE_URL, webhookSecret: '', ...overrides };
}

/**
 * Runs `fn` with every request to the V2 base URL answered by `reply` (`{status, body}` or a
 * function of the captured request) and returns the captured requests.
 */
async function captureV2(fn, { reply = { status: 200, body: {} } } = {}) {
	const captured = [];
	let error;
	try {
		await interceptAll(V2_BASE_URL, fn, (sent) => {
			const request = {
				method: sent.method,
				path: sent.url.pathname,
				searchParams: [...sent.url.searchParams.entries()],
				query: Object.fromEntries(sent.url.searchParams.entries()),
				contentType: sent.contentType,
				rawBody: sent.rawBody,
				headers: sent.headers,
			};
			request.json =
				sent.contentType.startsWith('application/json') && sent.rawBody.length > 0
					? JSON.parse(sent.rawBody.toString('utf8'))
					: undefined;
			captured.push(request);
			const answer = typeof reply === 'function' ? reply(request) : reply;
			return [answer.status ?? 200, answer.body, answer.headers ?? {}];
		});
	} catch (caught) {
		error = caught;
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
