import { createHmac, timingSafeEqual } from 'crypto';

import { isValidSigningSecret, signingKey } from './signingSecret';

/** Linq, like the Standard Webhooks specification, allows five minutes of clock difference. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export type SignatureHeaders = Record<string, string | string[] | undefined>;

export type VerifyFailure =
	| 'no_secret'
	| 'invalid_secret'
	| 'missing_headers'
	| 'bad_timestamp'
	| 'stale_timestamp'
	| 'future_timestamp'
	| 'bad_signature';

export type VerifyResult =
	| { ok: true; scheme: 'standard' | 'legacy'; webhookId?: string }
	| { ok: false; reason: VerifyFailure };

const DIGEST_BYTES = 32;
const HEX_DIGEST = /^[0-9a-f]{64}$/i;
const DIGITS = /^\d{1,12}$/;

/**
 * Decoded signing keys by secret string, so a busy trigger does not validate and decode the
 * same secret for every event. Only valid secrets are kept. Bounded: a process holds few
 * secrets, and clearing the map when it fills keeps memory flat even if secrets rotate.
 */
const keyCache = new Map<string, Buffer>();
const KEY_CACHE_LIMIT = 32;

/** The key of a secret, or undefined when the secret is malformed. */
function standardKey(secret: string): Buffer | undefined {
	let key = keyCache.get(secret);
	if (key === undefined) {
		if (!isValidSigningSecret(secret)) return undefined;
		key = signingKey(secret);
		if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
		keyCache.set(secret, key);
	}
	return key;
}

function header(headers: SignatureHeaders, name: string): string | undefined {
	const value = headers[name];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first !== '' ? first : undefined;
}

function checkTimestamp(value: string, nowSeconds: number): VerifyFailure | undefined {
	if (!DIGITS.test(value)) return 'bad_timestamp';
	const age = nowSeconds - Number(value);
	if (age > TIMESTAMP_TOLERANCE_SECONDS) return 'stale_timestamp';
	if (age < -TIMESTAMP_TOLERANCE_SECONDS) return 'future_timestamp';
	return undefined;
}

/** The `v1,` entries of a Standard Webhooks signature header, decoded; others are ignored. */
function standardSignatures(value: string): Buffer[] {
	const signatures: Buffer[] = [];
	// Linq sends one signature; a list only appears while a secret is being rotated.
	for (const entry of value.includes(' ') ? value.split(' ') : [value]) {
		if (!entry.startsWith('v1,')) continue;
		const decoded = Buffer.from(entry.slice(3), 'base64');
		if (decoded.length === DIGEST_BYTES) signatures.push(decoded);
	}
	return signatures;
}

function matchesAny(expected: Buffer, candidates: Buffer[]): boolean {
	let match = false;
	// Every candidate is compared, so the time taken does not reveal which one matched.
	for (const candidate of candidates) {
		if (timingSafeEqual(expected, candidate)) match = true;
	}
	return match;
}

/**
 * Checks that a delivery was signed by Linq with one of `secrets`.
 *
 * Current scheme (Standard Webhooks): HMAC-SHA256 keyed with the base64-decoded `whsec_`
 * secret over `{webhook-id}.{webhook-timestamp}.{body}`, any `v1,` entry of the
 * space-separated `webhook-signature` may match. Used whenever the three `webhook-*` headers
 * are present. Legacy scheme, for proxies that strip those headers: hex HMAC-SHA256 keyed with
 * the secret string itself over `{X-Webhook-Timestamp}.{body}` in `X-Webhook-Signature`.
 *
 * The body must be the bytes Linq sent: parsing and re-serialising JSON changes them.
 * Header names are expected in lower case, as Node delivers them. One malformed secret refuses
 * every delivery (signingSecret.ts says why), and so do missing headers.
 */
export function verifySignature(
	headers: SignatureHeaders | null | undefined,
	body: Buffer | string,
	secrets: readonly string[],
	nowSeconds: number,
): VerifyResult {
	if (secrets.length === 0) return { ok: false, reason: 'no_secret' };
	const keys: Buffer[] = [];
	for (const secret of secrets) {
		const key = standardKey(secret);
		if (key === undefined) return { ok: false, reason: 'invalid_secret' };
		keys.push(key);
	}
	if (typeof headers !== 'object' || headers === null) {
		return { ok: false, reason: 'missing_headers' };
	}

	const webhookId = header(headers, 'webhook-id');
	const timestamp = header(headers, 'webhook-timestamp');
	const signature = header(headers, 'webhook-signature');
	if (webhookId !== undefined && timestamp !== undefined && signature !== undefined) {
		const timeFailure = checkTimestamp(timestamp, nowSeconds);
		if (timeFailure) return { ok: false, reason: timeFailure };
		const candidates = standardSignatures(signature);
		if (candidates.length === 0) return { ok: false, reason: 'bad_signature' };
		for (const key of keys) {
			const expected = createHmac('sha256', key)
				.update(`${webhookId}.${timestamp}.`)
				.update(body)
				.digest();
			if (matchesAny(expected, candidates)) return { ok: true, scheme: 'standard', webhookId };
		}
		return { ok: false, reason: 'bad_signature' };
	}

	const legacySignature = header(headers, 'x-webhook-signature');
	const legacyTimestamp = header(headers, 'x-webhook-timestamp');
	if (legacySignature === undefined || legacyTimestamp === undefined) {
		return { ok: false, reason: 'missing_headers' };
	}
	const timeFailure = checkTimestamp(legacyTimestamp, nowSeconds);
	if (timeFailure) return { ok: false, reason: timeFailure };
	const hex = legacySignature.startsWith('sha256=') ? legacySignature.slice(7) : legacySignature;
	if (!HEX_DIGEST.test(hex)) return { ok: false, reason: 'bad_signature' };
	const given = Buffer.from(hex, 'hex');
	for (const secret of secrets) {
		const expected = createHmac('sha256', secret)
			.update(`${legacyTimestamp}.`)
			.update(body)
			.digest();
		if (timingSafeEqual(expected, given)) return { ok: true, scheme: 'legacy' };
	}
	return { ok: false, reason: 'bad_signature' };
}
