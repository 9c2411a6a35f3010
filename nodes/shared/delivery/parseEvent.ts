import type { IDataObject } from 'n8n-workflow';

/** The envelope every Linq webhook shares; `data` depends on the event type and version. */
export interface LinqEvent extends IDataObject {
	event_type: string;
	data: IDataObject;
}

export type ParseResult =
	| { ok: true; event: LinqEvent }
	| { ok: false; reason: 'malformed_json' | 'not_an_event' };

function isRecord(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses a verified body. Anything that is not a JSON object with an `event_type` is refused. */
export function parseEvent(body: Buffer | string): ParseResult {
	let parsed: unknown;
	try {
		parsed = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
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
 * The key a delivery is deduplicated on: the Standard Webhooks `webhook-id`, which every retry
 * of an event keeps, else the envelope's `event_id` (deliveries that arrive with the legacy
 * headers only). None when the event carries neither.
 */
export function eventKeys(event: LinqEvent, webhookId: string | undefined): string[] {
	if (webhookId !== undefined) return [webhookId];
	return typeof event.event_id === 'string' && event.event_id !== '' ? [event.event_id] : [];
}
