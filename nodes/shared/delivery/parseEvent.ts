import { hash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** The envelope every Linq webhook shares; `data` depends on the event type and version. */
export interface LinqEvent extends IDataObject {
	event_type: string;
	data: IDataObject;
}

export type ParseResult =
	| { ok: true; event: LinqEvent }
	| { ok: false; reason: 'malformed_json' | 'too_deep' | 'not_an_event' };

/**
 * Linq's events nest about five levels. V8 parses far deeper JSON without complaint, but n8n then
 * fails to save the execution, so deeper bodies are refused before parsing.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * True if the JSON text nests arrays and objects deeper than `max`: one pass, constant memory,
 * brackets inside strings skipped. UTF-8 continuation bytes are never ASCII, so bytes suffice.
 */
export function nestsDeeperThan(bytes: Buffer, max: number): boolean {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < bytes.length; index++) {
		const byte = bytes[index];
		if (inString) {
			if (byte === BACKSLASH) index++;
			else if (byte === QUOTE) inString = false;
		} else if (byte === QUOTE) {
			inString = true;
		} else if (OPENERS.has(byte)) {
			if (++depth > max) return true;
		} else if (CLOSERS.has(byte)) {
			depth--;
		}
	}
	return false;
}

function isRecord(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Parses a verified body. Anything that is not a JSON object with an `event_type`, or that
 * nests deeper than MAX_JSON_DEPTH, is refused.
 */
export function parseEvent(body: Buffer | string): ParseResult {
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	if (nestsDeeperThan(bytes, MAX_JSON_DEPTH)) return { ok: false, reason: 'too_deep' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(bytes.toString('utf8'));
	} catch {
		return { ok: false, reason: 'malformed_json' };
	}
	if (!isRecord(parsed) || typeof parsed.event_type !== 'string' || parsed.event_type === '') {
		return { ok: false, reason: 'not_an_event' };
	}
	if (!isRecord(parsed.data)) parsed.data = {};
	return { ok: true, event: parsed as LinqEvent };
}

/**
 * The keys a verified delivery is deduplicated on; it counts as seen when any of them was.
 *
 * Linq sends two header schemes and either verifies alone, so a captured delivery can be
 * replayed under the other one. Its keys are therefore every signed identifier present: the
 * `webhook-id` (signed only by the Standard Webhooks scheme, so passed here only when that
 * scheme verified; an unsigned one would let a replayer block a future event), which every
 * retry keeps, and the envelope's `event_id`, which both schemes sign as part of the body.
 * Without an `event_id` the body stands in for it: its hash is the same under both schemes,
 * so the replay is still recognised.
 */
export function eventKeys(
	event: IDataObject,
	webhookId: string | undefined,
	body: Buffer,
): string[] {
	const keys = webhookId !== undefined ? [webhookId] : [];
	if (typeof event.event_id === 'string' && event.event_id !== '') keys.push(event.event_id);
	else keys.push(`body:${hash('sha256', body, 'base64url')}`);
	return keys;
}
