'use strict';
const crypto = require('crypto');
const { isValidSigningSecret, signingKey } = require('../../nodes/shared/delivery/signingSecret');
const { verifySignature } = require('../../nodes/shared/delivery/verifySignature');
const { TEST_SIGNING_SECRET } = require('../support/harness');
const { standardSignature } = require('../support/webhookSignature');

const NOW = 1_795_000_000;

describe('isValidSigningSecret', () => {
	test.each([
		TEST_SIGNING_SECRET,
		'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7Jxx2Oll+OE=', // the SDK's example
		`whsec_${crypto.randomBytes(16).toString('base64')}`,
		`whsec_${crypto.randomBytes(24).toString('base64')}`, // what the fake Linq issues
		`whsec_${crypto.randomBytes(64).toString('base64')}`,
	])('accepts %j', (secret) => {
		expect(isValidSigningSecret(secret)).toBe(true);
	});

	test.each([
		['empty', ''],
		['the prefix alone', 'whsec_'],
		['masked', 'whsec_****'],
		['not base64', 'whsec_!!!!'],
		['bullets', '••••••'],
		['no prefix', TEST_SIGNING_SECRET.slice(6)],
		['15 bytes', `whsec_${Buffer.alloc(15, 1).toString('base64')}`],
		['unpadded', TEST_SIGNING_SECRET.replace(/=+$/, '')],
		['base64url alphabet', `whsec_${Buffer.alloc(30, 0xfb).toString('base64url')}`],
		['whitespace', `${TEST_SIGNING_SECRET} `],
		[
			'a line break inside',
			`${TEST_SIGNING_SECRET.slice(0, 20)}\n${TEST_SIGNING_SECRET.slice(20)}`,
		],
		['non-canonical trailing bits', 'whsec_dGVzdC1zaWduaW5nLXNlY3JldC0xMjM0NR=='],
		['too long', `whsec_${Buffer.alloc(300).toString('base64')}`],
		['not a string', 42],
	])('refuses %s', (_name, secret) => {
		expect(isValidSigningSecret(secret)).toBe(false);
	});

	test('the key is the decoded base64 after the prefix', () => {
		expect(signingKey(TEST_SIGNING_SECRET).toString()).toBe('test-signing-secret-12345');
	});
});

describe('verifySignature with a malformed secret', () => {
	const body = '{"event_type":"message.received"}';

	test('refuses a delivery signed with the empty key, whatever the headers', () => {
		const headers = {
			'webhook-id': 'm',
			'webhook-timestamp': String(NOW),
			'webhook-signature': standardSignature(Buffer.alloc(0), 'm', NOW, body),
		};
		expect(verifySignature(headers, body, ['whsec_****'], NOW)).toEqual({
			ok: false,
			reason: 'invalid_secret',
		});
		expect(verifySignature(undefined, body, ['whsec_'], NOW)).toEqual({
			ok: false,
			reason: 'invalid_secret',
		});
	});

	test('one malformed secret among good ones refuses too', () => {
		expect(verifySignature({}, body, [TEST_SIGNING_SECRET, 'whsec_'], NOW).reason).toBe(
			'invalid_secret',
		);
	});

	test('headers that are not an object are missing headers', () => {
		for (const headers of [undefined, null, 'x']) {
			expect(verifySignature(headers, body, [TEST_SIGNING_SECRET], NOW)).toEqual({
				ok: false,
				reason: 'missing_headers',
			});
		}
	});
});
