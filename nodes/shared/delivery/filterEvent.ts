import { canonicalHandle } from '../handles';
import type { ShapedEvent } from './shapeEvent';

export interface FilterOptions {
	/** Event types the node subscribed to. */
	events: ReadonlySet<string>;
	includeOwnOutbound: boolean;
	/** Canonical handles allowed to start the workflow; empty = everyone. */
	allowedSenders: ReadonlySet<string>;
	/** Your lines the node listens on; empty = all. */
	lines: ReadonlySet<string>;
	/** Drop inbound opt-out keywords (STOP…) instead of emitting them flagged. */
	skipOptOuts?: boolean;
}

export type FilterResult =
	| { pass: true }
	| {
			pass: false;
			reason:
				| 'unsubscribed_event'
				| 'own_outbound'
				| 'sender_not_allowed'
				| 'line_not_selected'
				| 'opt_out';
	  };

/**
 * Events that only exist for what your lines did: the status events of the messages they sent,
 * and V2's reaction.sent. Choosing one of them is the opt-in, so they are not dropped as
 * "own outbound".
 */
const OWN_MESSAGE_STATUS_EVENTS: ReadonlySet<string> = new Set([
	'message.sent',
	'message.delivered',
	'message.read',
	'message.failed',
	'reaction.sent',
]);

export const ANY_SENDER = '*';

/** Splits the Allowed Senders / Lines text into canonical handles; `*` anywhere allows all. */
export function handleSet(value: unknown): Set<string> {
	const entries = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[,\n;]/);
	const handles = new Set<string>();
	for (const entry of entries) {
		const handle = canonicalHandle(entry);
		if (handle === ANY_SENDER) return new Set();
		if (handle !== '') handles.add(handle);
	}
	return handles;
}

/**
 * Decides whether a verified, new event starts the workflow. Rules in order:
 * 1. its type is one the node subscribed to;
 * 2. it is not something your own lines sent (a reply your workflow just sent would
 *    otherwise start the workflow again), unless Include Own Outbound Messages is on;
 * 3. an inbound event with a known sender comes from an allowed sender;
 * 4. it happened on one of the selected lines, when the event names the line;
 * 5. it is not an opt-out keyword, when Opt-Out Messages is Skip.
 */
export function filterEvent(event: ShapedEvent, options: FilterOptions): FilterResult {
	if (!options.events.has(event.event_type)) return { pass: false, reason: 'unsubscribed_event' };
	const outbound = event.direction === 'outbound';
	if (outbound && !options.includeOwnOutbound && !OWN_MESSAGE_STATUS_EVENTS.has(event.event_type)) {
		return { pass: false, reason: 'own_outbound' };
	}
	if (
		!outbound &&
		options.allowedSenders.size > 0 &&
		event.from !== null &&
		!options.allowedSenders.has(canonicalHandle(event.from))
	) {
		return { pass: false, reason: 'sender_not_allowed' };
	}
	if (
		options.lines.size > 0 &&
		event.line !== null &&
		!options.lines.has(canonicalHandle(event.line))
	) {
		return { pass: false, reason: 'line_not_selected' };
	}
	if (options.skipOptOuts === true && event.opt_out) return { pass: false, reason: 'opt_out' };
	return { pass: true };
}
