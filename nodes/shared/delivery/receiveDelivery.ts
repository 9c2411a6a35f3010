import { checkAndRemember, type DedupeState } from './dedupe';
import { filterEvent, type FilterOptions, type FilterResult } from './filterEvent';
import { eventKeys, parseEvent, type LinqEvent, type ParseResult } from './parseEvent';
import { shapeEvent, type ShapedEvent } from './shapeEvent';
import { verifySignature, type SignatureHeaders, type VerifyFailure } from './verifySignature';

export type SeenBefore = (keys: readonly string[], nowSeconds: number) => boolean;

/**
 * How deliveries of one API are signed and what their items look like: Linq's current webhooks
 * (the default) or the legacy V2 ones. Everything between the two steps is shared.
 */
export interface DeliveryScheme {
	verify(
		headers: SignatureHeaders,
		body: Buffer,
		secrets: readonly string[],
		nowSeconds: number,
	): { ok: true; webhookId?: string } | { ok: false; reason: VerifyFailure };
	shape(event: LinqEvent, webhookId: string | null): ShapedEvent;
}

const LINQ_WEBHOOKS: DeliveryScheme = { verify: verifySignature, shape: shapeEvent };

export interface Delivery {
	headers: SignatureHeaders;
	/** The body bytes exactly as received. */
	body: Buffer;
	secrets: readonly string[];
	nowSeconds: number;
	/**
	 * Where seen events are remembered: a state (mutated), or a check that remembers the keys
	 * elsewhere and says whether they were seen before (the trigger's shared state).
	 */
	dedupe: DedupeState | SeenBefore;
	filter: FilterOptions;
	scheme?: DeliveryScheme;
}

export type DeliveryOutcome =
	| { status: 401; reason: VerifyFailure }
	| { status: 400; reason: Extract<ParseResult, { ok: false }>['reason'] }
	| {
			status: 200;
			emit: false;
			reason: 'duplicate' | Extract<FilterResult, { pass: false }>['reason'];
	  }
	| { status: 200; emit: true; event: ShapedEvent };

/**
 * One delivery through the trigger's pipeline, without any n8n context:
 * verify the signature over the raw bytes → parse → drop what was already seen → shape
 * the item → drop what the node does not want. Pure apart from remembering the event through
 * `dedupe`, so it can be tested and measured on its own.
 */
export function receiveDelivery(delivery: Delivery): DeliveryOutcome {
	const scheme = delivery.scheme ?? LINQ_WEBHOOKS;
	const verified = scheme.verify(
		delivery.headers,
		delivery.body,
		delivery.secrets,
		delivery.nowSeconds,
	);
	if (!verified.ok) return { status: 401, reason: verified.reason };

	const parsed = parseEvent(delivery.body);
	if (!parsed.ok) return { status: 400, reason: parsed.reason };

	const keys = eventKeys(parsed.event, verified.webhookId, delivery.body);
	const seen =
		typeof delivery.dedupe === 'function'
			? delivery.dedupe(keys, delivery.nowSeconds)
			: checkAndRemember(delivery.dedupe, keys, delivery.nowSeconds);
	if (seen) {
		return { status: 200, emit: false, reason: 'duplicate' };
	}

	const event = scheme.shape(parsed.event, verified.webhookId ?? null);
	const filtered = filterEvent(event, delivery.filter);
	if (!filtered.pass) return { status: 200, emit: false, reason: filtered.reason };
	return { status: 200, emit: true, event };
}
