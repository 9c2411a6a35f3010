'use strict';
/**
 * Shared setup of every unit test file (jest.config.js). No test reaches the network: any request
 * nock has no interceptor for fails, except to this machine, where the fake Linq and local
 * receivers listen. Interceptors a test left unused do not leak into the next test.
 *
 * Every test file loads its own nock, and each one patches Node's http module, which all files
 * in a jest worker share. A patch left active by an earlier file makes a later file's
 * `replyWithError` fail on a socket nobody listens to, so each file removes its own at the end.
 */
const nock = require('nock');
const { Scope } = require('nock/lib/scope');
const { contractIssues } = require('./linqContract');

/** Where the unit tests' Linq lives (harness.js BASE_URL, not required here: see below). */
const LINQ_HOST = 'api.linq.test';
const API_PREFIX = '/api/partner';

/**
 * Every request a test sends to the unit tests' Linq through any nock interceptor is checked
 * against the V3 contract (linqContract.js); what breaks it fails the test after it ran. The
 * harness is not required here, because a setup file that loaded n8n-workflow would defeat the
 * test files' jest.mock of it.
 */
const broken = [];
const emit = Scope.prototype.emit;
Scope.prototype.emit = function (event, req, interceptor, body) {
	if (event === 'request' && String(interceptor?.basePath).includes(LINQ_HOST)) {
		const url = new URL(req.path, 'https://x');
		if (url.pathname.startsWith(`${API_PREFIX}/v3/`)) {
			const path = url.pathname.slice(API_PREFIX.length);
			let parsed;
			try {
				parsed = body ? JSON.parse(body) : undefined;
			} catch {
				parsed = body;
			}
			const query = Object.fromEntries(url.searchParams);
			for (const issue of contractIssues(req.method, path, { body: parsed, query })) {
				broken.push(`${req.method} ${path}: ${issue.path} ${issue.message}`);
			}
		}
	}
	return emit.apply(this, arguments);
};

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
});

afterEach(() => {
	nock.cleanAll();
	const found = broken.splice(0);
	if (found.length > 0) throw new Error(`A request broke the V3 contract:\n${found.join('\n')}`);
});

afterAll(() => {
	Scope.prototype.emit = emit;
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});
