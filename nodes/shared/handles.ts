import { NodeOperationError, type INode } from 'n8n-workflow';

export const E164_EXAMPLE = '+15551234567';

export type HandleResult = { ok: true; handle: string } | { ok: false; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;
const PHONE_CHARS = /^[\d\s\-.()+]+$/;

/**
 * Validates a Linq handle and returns its canonical form: an E.164 phone number or a
 * lower-cased email address (iMessage accepts Apple ID emails as handles).
 *
 * National numbers other than US/Canada 10-digit ones are refused rather than guessed,
 * because a wrong guess texts a stranger.
 */
export function parseHandle(input: unknown): HandleResult {
	if (typeof input !== 'string' && typeof input !== 'number') {
		return { ok: false, reason: 'is empty' };
	}
	const raw = String(input).trim();
	if (raw === '') return { ok: false, reason: 'is empty' };

	if (raw.includes('@')) {
		return EMAIL.test(raw)
			? { ok: true, handle: raw.toLowerCase() }
			: { ok: false, reason: 'is not a valid email address' };
	}

	if (!PHONE_CHARS.test(raw)) {
		return { ok: false, reason: 'contains characters that are not part of a phone number' };
	}
	if (raw.lastIndexOf('+') > 0) {
		return { ok: false, reason: 'has a "+" that is not at the start' };
	}
	if (/\(\s*0\s*\)/.test(raw)) {
		return {
			ok: false,
			reason: 'has a "(0)" that is only dialled inside the country: leave it out',
		};
	}

	const digits = raw.replace(/\D/g, '');
	if (!raw.startsWith('+') && digits.startsWith('00')) {
		return {
			ok: false,
			reason: 'starts with an international dialling prefix: write + instead of 00',
		};
	}
	if (raw.startsWith('+')) {
		if (digits.startsWith('0')) return { ok: false, reason: 'has a country code starting with 0' };
		if (digits.length < 8) return { ok: false, reason: 'is too short for an international number' };
		if (digits.length > 15) return { ok: false, reason: 'is longer than 15 digits' };
		return { ok: true, handle: `+${digits}` };
	}

	if (digits.length === 10 && /^[2-9]/.test(digits)) return { ok: true, handle: `+1${digits}` };
	if (digits.length === 11 && /^1[2-9]/.test(digits)) return { ok: true, handle: `+${digits}` };
	if (digits.length < 10) return { ok: false, reason: 'is too short' };
	return { ok: false, reason: 'has no country code, so it is ambiguous' };
}

/**
 * The one form in which both nodes compare handles: what parseHandle makes of a phone number
 * ("(555) 123-4567" → "+15551234567"), an email in lower case (without the email pattern: event
 * fields are foreign input), and anything parseHandle refuses (an SMS short code in an event,
 * say) with only its spaces and punctuation removed.
 */
export function canonicalHandle(value: string): string {
	const trimmed = value.trim();
	if (trimmed.includes('@')) return trimmed.toLowerCase();
	const parsed = parseHandle(trimmed);
	return parsed.ok ? parsed.handle : trimmed.replace(/[\s\-.()]/g, '');
}

/** Like parseHandle, but throws a NodeOperationError that names the field and the item. */
export function requireHandle(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	const result = parseHandle(value);
	if (result.ok) return result.handle;
	const shown = typeof value === 'string' || typeof value === 'number' ? ` "${value}"` : '';
	throw new NodeOperationError(node, `${field}${shown} ${result.reason}`, {
		itemIndex,
		description: `Use the form ${E164_EXAMPLE}: a plus, the country code, then the number without its leading 0 (UK 07700 900123 is +447700900123). iMessage also accepts an email address.`,
	});
}

/** Splits a comma- or newline-separated list (or an array from an expression) into handles. */
export function requireHandles(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string[] {
	const list = Array.isArray(value)
		? value
		: String(value ?? '')
				.split(/[,\n;]/)
				.map((entry) => entry.trim())
				.filter((entry) => entry !== '');
	if (list.length === 0) {
		throw new NodeOperationError(node, `${field} is empty`, {
			itemIndex,
			description: `Give at least one recipient, like ${E164_EXAMPLE}.`,
		});
	}
	return list.map((entry) => requireHandle(node, entry, field, itemIndex));
}
