'use strict';
/**
 * The official SDK as the oracle for request shapes: capture the request the SDK sends for a
 * call, capture the one our node sends, and compare them. Both go over real HTTP into nock.
 *
 *   const sdkReq = await captureRequest(() => sdk().chats.retrieve('c1'));
 *   const ourReq = await captureRequest(() => runNode({ resource: 'chat', operation: 'get', ... }));
 *   expect(ourReq).toEqual(sdkReq);   // or expectSameRequest(ourReq, sdkReq)
 */
const nock = require('nock');
const { default: LinqSdk } = require('@linqapp/sdk');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { BASE_URL, TEST_TOKEN, createExecuteContext } = require('./harness');
const { contractIssues } = require('./linqContract');

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function sdk() {
	return new LinqSdk({ apiKey: TEST_TOKEN, baseURL: BASE_URL, maxRetries: 0 });
}

function parseBody(body) {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') {
		try {
			return JSON.parse(body);
		} catch {
			return body;
		}
	}
	return body;
}

/**
 * Runs `fn` with every request to BASE_URL answered by `reply` (status and JSON body, or a
 * function of the captured request), and returns the first request as
 * { method, path, query, body, headers }. `all: true` returns every request instead.
 */
async function captureRequest(fn, { reply = { status: 200, body: {} }, all = false } = {}) {
	const captured = [];
	const scope = nock(BASE_URL).persist();
	for (const method of METHODS) {
		scope[method](() => true).reply(function (uri, body) {
			const url = new URL(uri, 'http://x');
			const request = {
				method: this.req.method.toUpperCase(),
				path: url.pathname.replace(new URL(BASE_URL).pathname, ''),
				query: Object.fromEntries(url.searchParams.entries()),
				body: parseBody(body),
				headers: this.req.headers,
			};
			captured.push(request);
			request.contractIssues = contractIssues(request.method, request.path, request);
			if (request.contractIssues.length > 0) return [400, { issues: request.contractIssues }];
			const answer = typeof reply === 'function' ? reply(request) : reply;
			return [answer.status ?? 200, answer.body ?? {}];
		});
	}
	try {
		await fn();
	} finally {
		nock.cleanAll();
	}
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
