'use strict';
/**
 * The one way unit tests capture what a node sends: every request to a base URL goes over real
 * HTTP into nock, is read back as it went over the wire, and is answered in-process. oracle.js
 * (V3, checked against the contract) and v2Harness.js (V2) shape these requests for their tests.
 */
const nock = require('nock');

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * The bytes of a request body: nock hands JSON over parsed, and a body that is not valid
 * UTF-8 as hex (a multipart body, which starts with "--" when it is text).
 */
function rawBodyOf(body, contentType) {
	if (body === undefined || body === null || body === '') return Buffer.alloc(0);
	if (typeof body !== 'string') return Buffer.from(JSON.stringify(body));
	if (contentType.startsWith('multipart/') && !body.startsWith('--'))
		return Buffer.from(body, 'hex');
	return Buffer.from(body, 'utf8');
}

/**
 * Runs `fn` with every request to `baseUrl` handed to `answer(request)` as
 * `{method, url, headers, contentType, rawBody}`; `answer` returns nock's reply,
 * `[status, body, headers]`. What `fn` throws is thrown; nock is cleaned up either way.
 */
async function interceptAll(baseUrl, fn, answer) {
	const scope = nock(baseUrl).persist();
	for (const method of METHODS) {
		scope[method](() => true).reply(function (uri, body) {
			const contentType = String(this.req.headers['content-type'] ?? '');
			return answer({
				method: this.req.method.toUpperCase(),
				url: new URL(uri, baseUrl),
				headers: this.req.headers,
				contentType,
				rawBody: rawBodyOf(body, contentType),
			});
		});
	}
	try {
		await fn();
	} finally {
		nock.cleanAll();
	}
}

module.exports = { interceptAll };
