import { createHmac, timingSafeEqual } from 'crypto';

import { MAX_JSON_DEPTH, nestsDeeperThan } from '../shared/delivery/parseEvent';
import type { SignatureHeaders, VerifyFailure } from '../shared/delivery/verifySignature';
import { canonicalJson, railsEscaped } from './canonicalJson';

/** Shorter secrets are refused: a masked or cut-off secret must not become a guessable key. */
export const V2_SECRET_MIN_LENGTH = 16;
const V2_SECRET_MAX_LENGTH = 1_024;
const HEX_DIGEST = /^[0-9a-f]{64}$/i;
/** Visible ASCII only: what a person types into Linq's secret field, and what the trigger makes. */
const SECRET_CHARS = /^[\x21-\x7e]+$/;

export type V2VerifyResult =
	| { ok: true; form: 'raw' | 'canonical' }
	| { ok: false; reason: VerifyFailure };

export function isValidV2Secret(secret: unknown): secret is string {
	return (
		typeof secret === 'string' &&
		secret.length >= V2_SECRET_MIN_LENGTH &&
		secret.length <= V2_SECRET_MAX_LENGTH &&
		SECRET_CHARS.test(secret)
	);
}

function header(headers: SignatureHeaders, name: string): string | undefined {
	const value = headers[name];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first !== '' ? first : undefined;
}

/** Canonical forms of the body, or none when it is not JSON within our depth bound. */
function canonicalForms(body: Buffer): string[] {
	if (nestsDeeperThan(body, MAX_JSON_DEPTH)) return [];
	let parsed: unknown;
	try {
		parsed = JSON.parse(body.toString('utf8'));
	} catch {
		return [];
	}
	const canonical = canonicalJson(parsed);
	const rails = railsEscaped(canonical);
	return rails === canonical ? [canonical] : [canonical, rails];
}

function matchesAny(secrets: readonly string[], text: Buffer | string, given: Buffer): boolean {
	let match = false;
	// Every secret is compared, so the time taken does not say which one matched.
	for (const secret of secrets) {
		const expected = createHmac('sha256', secret).update(text).digest();
		if (timingSafeEqual(expected, given)) match = true;
	}
	return match;
}

/**
 * Checks `X-Webhook-Signature: sha256=<hex HMAC-SHA256>` of a V2 delivery, keyed with the
 * subscription's secret as text. Linq's V2 reference says both "the raw request body exactly
 * as received" and "the canonical JSON (keys sorted recursively)": the raw bytes are tried
 * first, which is what its code samples sign and what we rely on; the canonical forms only
 * when they fail (docs/design.md, "Linq V2 (Legacy) signatures"). Comparisons are constant
 * time. V2 signs no timestamp, so a captured delivery verifies forever: replays are stopped by
 * the dedupe on `event_id`, not here.
 */
export function verifyV2Signature(
	headers: SignatureHeaders | null | undefined,
	body: Buffer,
	secrets: readonly string[],
): V2VerifyResult {
	if (secrets.length === 0) return { ok: false, reason: 'no_secret' };
	if (!secrets.every(isValidV2Secret)) return { ok: false, reason: 'invalid_secret' };
	const signature =
		typeof headers === 'object' && headers !== null
			? header(headers, 'x-webhook-signature')
			: undefined;
	if (signature === undefined) return { ok: false, reason: 'missing_headers' };
	const hex = signature.startsWith('sha256=') ? signature.slice(7) : signature;
	if (!HEX_DIGEST.test(hex)) return { ok: false, reason: 'bad_signature' };
	const given = Buffer.from(hex, 'hex');
	if (matchesAny(secrets, body, given)) return { ok: true, form: 'raw' };
	for (const form of canonicalForms(body)) {
		if (matchesAny(secrets, form, given)) return { ok: true, form: 'canonical' };
	}
	return { ok: false, reason: 'bad_signature' };
}
