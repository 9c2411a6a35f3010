'use strict';
/**
 * Every test file loads its own nock, and each one patches Node's http module, which all files
 * in a jest worker share. A patch left active by an earlier file makes a later file's
 * `replyWithError` fail on a socket nobody listens to, so each file removes its own at the end.
 */
const nock = require('nock');

afterAll(() => {
	nock.cleanAll();
	nock.restore();
});
