'use strict';
/**
 * The official SDK as the oracle for request shapes: capture the request the SDK sends for a
 * call, capture the one our node sends, and compare them. Both go over real HTTP into nock.
 *
 *   const sdkReq = await captureRequest(() => sdk().chats.retrieve('c1'));
 *   const ourReq = await captureRequest(() => runNode({ resource: 'chat', operation: 'get', ... }));
 *   expect(ourReq).toEqual(sdkReq);   // or expectSameRequest(ourReq, sdkReq)
 */
const { default: LinqSdk } = require('@linqapp/sdk');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { BASE_URL, TEST_TOKEN, createExecuteContext } = require('./harness');
const { contractIssues } = require('./linqContract');
const { interceptAll } = require('./nockCapture');

function sdk() {
	return new LinqSdk({ apiKey: TEST_TOKEN, baseURL: BASE_URL, maxRetries: 0 });
}

/** A JSON body parsed, another body as text, no body as undefined. */
function parseBody(rawBody) {
	if (rawBody.length === 0) return undefined;
	const text = rawBody.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * Runs `fn` with every request to BASE_URL answered by `reply` (status and JSON body, or a
 * function of the captured request), and returns the first request as
 * { method, path, query, body, headers }. `all: true` returns every request instead.
 */
async function captureRequest(fn, { reply = { status: 200, body: {} }, all = false } = {}) {
	const captured = [];
	const basePath = new URL(BASE_URL).pathname;
	await interceptAll(BASE_URL, fn, (sent) => {
		const request = {
			method: sent.method,
			path: sent.url.pathname.replace(basePath, ''),
			query: Object.fromEntries(sent.url.searchParams.entries()),
			body: parseBody(sent.rawBody),
			headers: sent.headers,
		};
		captured.push(request);
		request.contractIssues = contractIssues(request.method, request.path, request);
		if (request.contractIssues.length > 0) return [400, { issues: request.contractIssues }];
		const answer = typeof reply === 'function' ? reply(request) : reply;
		return [answer.status ?? 200, answer.body ?? {}];
	});
	if (captured.length === 0) throw new Error('no request reached the API');
	return all ? captured : captured[0];
}

/** Method, path, query and JSON body must match; headers are compared by the caller if needed. */
function expectSameRequest(ours, theirs) {
	const shape = (r) => ({ method: r.method, path: r.path, query: r.query, body: r.body });
	expect(shape(ours)).toEqual(shape(theirs));
}

/** Runs the Linq action node once with the given parameters and returns its first output. */
async function runNode(params, options = {}) {
	const ctx = createExecuteContext({ params, ...options });
	const [out] = await new Linq().execute.call(ctx);
	return out;
}

module.exports = { sdk, captureRequest, expectSameRequest, runNode };
