'use strict';
const {
	RETRY_POLICY,
	backoffDelayMs,
	isRetryableStatus,
	parseRetryAfterMs,
} = require('../../nodes/shared/retry');

describe('backoffDelayMs', () => {
	test('doubles from the base delay without jitter', () => {
		const delays = [1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, 0));
		expect(delays).toEqual([1000, 2000, 4000, 8000]);
		expect(RETRY_POLICY.baseDelayMs).toBe(1000);
	});

	test('adds at most 25% jitter', () => {
		expect(backoffDelayMs(1, 1)).toBe(1250);
		expect(backoffDelayMs(3, 0.5)).toBe(4500);
	});

	test('is capped, so a long outage never waits without bound', () => {
		expect(backoffDelayMs(30, 0)).toBe(RETRY_POLICY.maxDelayMs);
		expect(backoffDelayMs(30, 1)).toBe(RETRY_POLICY.maxDelayMs * 1.25);
	});

	test('the whole retry budget stays bounded', () => {
		let total = 0;
		for (let attempt = 1; attempt < RETRY_POLICY.maxAttempts; attempt++)
			total += backoffDelayMs(attempt, 1);
		expect(RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
		expect(total).toBeLessThanOrEqual(60_000);
	});
});

describe('parseRetryAfterMs', () => {
	const now = Date.UTC(2026, 0, 15, 12, 0, 0);

	test.each([
		['seconds in the header', '7', undefined, 7000],
		['zero seconds', '0', undefined, 0],
		['fractional seconds', '1.5', undefined, 1500],
		['a header given as a list', ['3', '9'], undefined, 3000],
		['an HTTP date in the header', new Date(now + 12_000).toUTCString(), undefined, 12_000],
		['an HTTP date already past', new Date(now - 5_000).toUTCString(), undefined, 0],
		['retry_after seconds in the body', undefined, 4, 4000],
		['retry_after as a string in the body', undefined, '6', 6000],
		['the header before the body', '2', 30, 2000],
		['an unusable header falls back to the body', 'soon', 5, 5000],
	])('%s', (_, header, body, expected) => {
		expect(parseRetryAfterMs(header, body, now)).toBe(expected);
	});

	test.each([
		[undefined, undefined],
		['', ''],
		['soon', 'later'],
		['-3', -3],
		[null, {}],
	])('nothing usable (%p, %p) gives undefined', (header, body) => {
		expect(parseRetryAfterMs(header, body, now)).toBeUndefined();
	});
});

describe('isRetryableStatus', () => {
	test.each([
		[429, 'rate_limit'],
		[500, 'server_error'],
		[502, 'server_error'],
		[503, 'server_error'],
		[599, 'server_error'],
	])('%i is %s', (status, reason) => {
		expect(isRetryableStatus(status)).toBe(reason);
	});

	test.each([200, 204, 301, 400, 401, 403, 404, 409, 422, 499, 600])(
		'%i is not retried',
		(status) => {
			expect(isRetryableStatus(status)).toBeUndefined();
		},
	);
});
