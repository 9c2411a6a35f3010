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

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
});

afterEach(() => nock.cleanAll());

afterAll(() => {
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});
