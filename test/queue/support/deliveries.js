'use strict';
/**
 * Sending Linq deliveries straight to n8n's webhook processes, as a load balancer in front of
 * them would: for the queue-mode test and the queue-mode benchmark (bench/queueMode.mjs).
 */
const { signDelivery } = require('../../support/fakeLinq');

/** The signed bytes and headers Linq would send for `event`, to the subscription's path. */
function signedFor(subscription, event) {
	const target = new URL(subscription.target_url);
	const body = JSON.stringify(event);
	return {
		path: `${target.pathname}${target.search}`,
		body,
		headers: signDelivery({
			secret: subscription.signing_secret,
			body,
			eventType: event.event_type,
			subscriptionId: subscription.id,
		}),
	};
}

/** POSTs a delivery to the process at `origin`; resolves to the HTTP status. */
async function postDelivery(origin, delivery) {
	const response = await fetch(`${origin}${delivery.path}`, {
		method: 'POST',
		headers: delivery.headers,
		body: delivery.body,
		signal: AbortSignal.timeout(60_000),
	});
	await response.text();
	return response.status;
}

/** Runs `task(index)` for 0..count-1 with at most `limit` running at once; resolves to the results. */
async function pooled(count, limit, task) {
	const results = new Array(count);
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, count) }, async () => {
		while (next < count) {
			const index = next++;
			results[index] = await task(index);
		}
	});
	await Promise.all(lanes);
	return results;
}

module.exports = { signedFor, postDelivery, pooled };
