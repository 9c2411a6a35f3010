/**
 * Signed Linq deliveries for the benchmarks, built with the fake Linq server's own event and
 * signature builders so every benchmark sends what the fake (and Linq) would send.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { messageEvent, signDelivery, LINES } = require('../../test/support/fakeLinq');
const { signatureHeaders } = require('../../test/support/webhookSignature.js');

const SENDERS = Array.from(
	{ length: 50 },
	(_, index) => `+1555766${String(index).padStart(4, '0')}`,
);

/** One signed delivery: `{ body, headers, eventId, kind }`, body as the exact bytes to send. */
export function signedDelivery({
	secret,
	subscriptionId = 'sub_bench',
	index,
	kind = 'inbound',
	timestamp,
}) {
	const event = messageEvent({
		direction: kind === 'echo' ? 'outbound' : 'inbound',
		from: SENDERS[index % SENDERS.length],
		to: LINES[0],
		text: kind === 'echo' ? `Reply ${index} sent by the workflow` : `Inbound message ${index}`,
	});
	const body = JSON.stringify(event);
	const headers = signDelivery({
		secret,
		body,
		eventType: event.event_type,
		subscriptionId,
		timestamp,
	});
	return { body, headers, eventId: event.event_id, kind };
}

/** `count` fresh inbound message.received deliveries. */
export function inboundStream(secret, count, options = {}) {
	return Array.from({ length: count }, (_, index) => signedDelivery({ secret, index, ...options }));
}

/** A deterministic xorshift generator, so every run sends the same mix in the same order. */
function seededRandom(seed = 0x2545f491) {
	let state = seed;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 0x100000000;
	};
}

/** Exactly `redeliveries`, `echoes` and the rest inbound, shuffled; no redelivery in the first `gap`. */
function streamKinds(count, redeliveries, echoes, gap, random) {
	const kinds = [
		...Array(redeliveries).fill('redelivery'),
		...Array(echoes).fill('echo'),
		...Array(count - redeliveries - echoes).fill('inbound'),
	];
	for (let index = kinds.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[kinds[index], kinds[other]] = [kinds[other], kinds[index]];
	}
	for (let index = 0; index < Math.min(gap, count); index++) {
		if (kinds[index] !== 'redelivery') continue;
		const swap = kinds.findIndex((kind, position) => position >= gap && kind !== 'redelivery');
		[kinds[index], kinds[swap]] = [kinds[swap], kinds[index]];
	}
	return kinds;
}

/**
 * A realistic Linq stream of `count` deliveries: 20% redeliveries (the very same bytes and
 * headers) of an inbound event sent at least `redeliveryGap` positions earlier, 30% echoes of
 * our own outbound messages, 50% fresh inbound events. Deterministic for a given count.
 */
export function realisticStream(secret, count, { redeliveryGap = 100, subscriptionId } = {}) {
	const random = seededRandom();
	const kinds = streamKinds(
		count,
		Math.round(count * 0.2),
		Math.round(count * 0.3),
		redeliveryGap,
		random,
	);
	const stream = [];
	const inbound = [];
	kinds.forEach((kind, index) => {
		if (kind === 'redelivery') {
			let eligible = 0;
			while (eligible < inbound.length && inbound[eligible] <= index - redeliveryGap) eligible++;
			const original = stream[inbound[Math.floor(random() * eligible)]];
			stream.push({ ...original, kind });
			return;
		}
		if (kind === 'inbound') inbound.push(index);
		stream.push(signedDelivery({ secret, subscriptionId, index, kind }));
	});
	return stream;
}

/**
 * The same deliveries signed for another receiver: each body and webhook-id kept, the signature
 * headers made again with `secret`, `subscriptionId` and the current time (so a stream built
 * earlier is still fresh when it is sent). Copies of one delivery (redeliveries) stay identical.
 */
export function resign(stream, secret, { subscriptionId = 'sub_bench', timestamp } = {}) {
	const ts = timestamp ?? Math.floor(Date.now() / 1000);
	const signed = new Map();
	return stream.map((delivery) => {
		const id = delivery.headers['webhook-id'];
		let headers = signed.get(id);
		if (headers === undefined) {
			headers = {
				...delivery.headers,
				...signatureHeaders(delivery.body, { secret, id, timestamp: ts }),
				'x-webhook-subscription-id': subscriptionId,
			};
			signed.set(id, headers);
		}
		return { ...delivery, headers };
	});
}
