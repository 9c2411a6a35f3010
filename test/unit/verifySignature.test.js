'use strict';
const { Webhook } = require('standardwebhooks');
const {
	verifySignature,
	TIMESTAMP_TOLERANCE_SECONDS,
} = require('../../nodes/shared/delivery/verifySignature');
const { TEST_SIGNING_SECRET } = require('../support/harness');
const { signDelivery } = require('../support/webhookContext');
const { keyOf, legacySignature } = require('../support/webhookSignature');

const NOW = 1_795_000_000;
const BODY = '{"event_type":"message.received","event_id":"e1","data":{"id":"m1"}}';
const OTHER_SECRET = 'whsec_b3RoZXItc2lnbmluZy1zZWNyZXQtOTk5OTk=';

function standardOnly(options = {}) {
	return signDelivery(BODY, { timestamp: NOW, legacy: false, ...options });
}

function legacyOnly(options = {}) {
	return signDelivery(BODY, { timestamp: NOW, standard: false, ...options });
}

describe('Standard Webhooks signatures (standardwebhooks package as the oracle)', () => {
	test('a delivery signed by the oracle is accepted over the raw bytes', () => {
		const { headers, rawBody } = standardOnly({ id: 'msg_abc' });
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW)).toEqual({
			ok: true,
			scheme: 'standard',
			webhookId: 'msg_abc',
		});
		// The oracle agrees with itself on the same headers, so the fixture is a real signature.
		const oracleNow = jest.spyOn(Date, 'now').mockReturnValue(NOW * 1000);
		expect(() => new Webhook(TEST_SIGNING_SECRET).verify(rawBody, headers)).not.toThrow();
		oracleNow.mockRestore();
	});

	test('any v1 entry of a space-separated list may match; other versions are ignored', () => {
		const { headers, rawBody } = standardOnly();
		const valid = headers['webhook-signature'];
		headers['webhook-signature'] =
			`v2,${valid.slice(3)} v1,${Buffer.alloc(32, 7).toString('base64')} ${valid}`;
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW).ok).toBe(true);
	});

	test('a v2 entry carrying the right digest is not accepted', () => {
		const { headers, rawBody } = standardOnly();
		headers['webhook-signature'] = `v2,${headers['webhook-signature'].slice(3)}`;
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW)).toEqual({
			ok: false,
			reason: 'bad_signature',
		});
	});

	test('a tampered body is refused', () => {
		const { headers } = standardOnly();
		const tampered = Buffer.from(BODY.replace('m1', 'm2'));
		expect(verifySignature(headers, tampered, [TEST_SIGNING_SECRET], NOW)).toEqual({
			ok: false,
			reason: 'bad_signature',
		});
	});

	test('the same JSON re-serialised with other spacing is refused: bytes count, not meaning', () => {
		const { headers } = standardOnly();
		const reformatted = JSON.stringify(JSON.parse(BODY), null, 2);
		expect(verifySignature(headers, reformatted, [TEST_SIGNING_SECRET], NOW).ok).toBe(false);
	});

	test('a signature made with another secret is refused', () => {
		const { headers, rawBody } = standardOnly({ secret: OTHER_SECRET });
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW)).toEqual({
			ok: false,
			reason: 'bad_signature',
		});
	});

	test('a changed webhook-id invalidates the signature', () => {
		const { headers, rawBody } = standardOnly({ id: 'msg_1' });
		headers['webhook-id'] = 'msg_2';
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW).ok).toBe(false);
	});

	test('when several secrets are held, the one that signed is found', () => {
		const { headers, rawBody } = standardOnly({ secret: OTHER_SECRET });
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET, OTHER_SECRET], NOW).ok).toBe(
			true,
		);
	});

	test.each([
		['stale', -TIMESTAMP_TOLERANCE_SECONDS - 1, 'stale_timestamp'],
		['future', TIMESTAMP_TOLERANCE_SECONDS + 1, 'future_timestamp'],
	])('a %s timestamp is refused even when correctly signed', (_, offset, reason) => {
		const { headers, rawBody } = standardOnly({ timestamp: NOW + offset });
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW)).toEqual({
			ok: false,
			reason,
		});
	});

	test('timestamps exactly five minutes off either way are still accepted', () => {
		for (const offset of [-TIMESTAMP_TOLERANCE_SECONDS, TIMESTAMP_TOLERANCE_SECONDS]) {
			const { headers, rawBody } = standardOnly({ timestamp: NOW + offset });
			expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW).ok).toBe(true);
		}
	});

	test('a timestamp that is not a number of seconds is refused', () => {
		const { headers, rawBody } = standardOnly();
		headers['webhook-timestamp'] = '2026-11-23T16:00:00Z';
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW)).toEqual({
			ok: false,
			reason: 'bad_timestamp',
		});
	});
});

describe('legacy X-Webhook-Signature', () => {
	test('legacy-only headers with a valid signature are accepted', () => {
		const { headers, rawBody } = legacyOnly();
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW)).toEqual({
			ok: true,
			scheme: 'legacy',
		});
	});

	test('a sha256= prefix is understood', () => {
		const { headers, rawBody } = legacyOnly();
		headers['x-webhook-signature'] = `sha256=${headers['x-webhook-signature']}`;
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW).ok).toBe(true);
	});

	test('the key is the secret string itself: a digest keyed with the decoded bytes is refused', () => {
		const headers = {
			'x-webhook-timestamp': String(NOW),
			'x-webhook-signature': legacySignature(keyOf(TEST_SIGNING_SECRET), NOW, BODY),
		};
		expect(verifySignature(headers, BODY, [TEST_SIGNING_SECRET], NOW)).toEqual({
			ok: false,
			reason: 'bad_signature',
		});
	});

	test('tampered body, wrong secret, stale and future timestamps are refused', () => {
		const signed = legacyOnly();
		expect(verifySignature(signed.headers, `${BODY} `, [TEST_SIGNING_SECRET], NOW).ok).toBe(false);
		expect(
			verifySignature(
				legacyOnly({ secret: OTHER_SECRET }).headers,
				BODY,
				[TEST_SIGNING_SECRET],
				NOW,
			).ok,
		).toBe(false);
		expect(
			verifySignature(
				legacyOnly({ timestamp: NOW - 301 }).headers,
				BODY,
				[TEST_SIGNING_SECRET],
				NOW,
			),
		).toEqual({
			ok: false,
			reason: 'stale_timestamp',
		});
		expect(
			verifySignature(
				legacyOnly({ timestamp: NOW + 301 }).headers,
				BODY,
				[TEST_SIGNING_SECRET],
				NOW,
			),
		).toEqual({
			ok: false,
			reason: 'future_timestamp',
		});
	});

	test('a valid legacy signature does not rescue a failed Standard Webhooks one', () => {
		const { headers, rawBody } = signDelivery(BODY, { timestamp: NOW });
		headers['webhook-signature'] = `v1,${Buffer.alloc(32).toString('base64')}`;
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW)).toEqual({
			ok: false,
			reason: 'bad_signature',
		});
	});
});

describe('refusals before any HMAC', () => {
	test('no headers at all', () => {
		expect(verifySignature({}, BODY, [TEST_SIGNING_SECRET], NOW)).toEqual({
			ok: false,
			reason: 'missing_headers',
		});
	});

	test('an incomplete Standard Webhooks set without legacy headers', () => {
		const { headers, rawBody } = standardOnly();
		delete headers['webhook-id'];
		expect(verifySignature(headers, rawBody, [TEST_SIGNING_SECRET], NOW)).toEqual({
			ok: false,
			reason: 'missing_headers',
		});
	});

	test('no secret means refused, never accepted unsigned', () => {
		const { headers, rawBody } = standardOnly();
		expect(verifySignature(headers, rawBody, [], NOW)).toEqual({ ok: false, reason: 'no_secret' });
	});
});
