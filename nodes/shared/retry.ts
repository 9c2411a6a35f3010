/**
 * When and how long to wait before repeating a Linq request. Pure, so the policy is testable
 * without a clock: the transport does the sleeping.
 */
export const RETRY_POLICY = {
	/** Attempts in total, the first one included. */
	maxAttempts: 5,
	baseDelayMs: 1_000,
	maxDelayMs: 30_000,
	/** A Retry-After longer than this is not waited for: the error is shown instead. */
	maxRetryAfterMs: 120_000,
};

export type RetryReason = 'rate_limit' | 'server_error' | 'network_error';

export function backoffDelayMs(attempt: number, random: number): number {
	const exponential = RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1);
	const capped = Math.min(RETRY_POLICY.maxDelayMs, exponential);
	// Up to 25% jitter so that concurrent items that failed together do not retry together.
	return Math.round(capped * (1 + 0.25 * random));
}

/**
 * Reads a wait from a `Retry-After` header (seconds or an HTTP date) or a `retry_after`
 * field in the error body (seconds). Returns undefined when neither is usable.
 */
export function parseRetryAfterMs(
	header: unknown,
	bodyValue: unknown,
	now: number = Date.now(),
): number | undefined {
	const fromValue = (value: unknown): number | undefined => {
		if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value * 1000;
		if (typeof value !== 'string' || value.trim() === '') return undefined;
		const seconds = Number(value);
		if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
		// Date.parse reads bare numbers such as "-3" as years: only a real date is a date.
		if (!/[a-z]/i.test(value)) return undefined;
		const date = Date.parse(value);
		return Number.isNaN(date) ? undefined : Math.max(0, date - now);
	};
	const header0 = Array.isArray(header) ? header[0] : header;
	return fromValue(header0) ?? fromValue(bodyValue);
}

export function isRetryableStatus(status: number): RetryReason | undefined {
	if (status === 429) return 'rate_limit';
	if (status >= 500 && status <= 599) return 'server_error';
	return undefined;
}
