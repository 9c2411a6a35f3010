'use strict';
/** Webhook subscriptions: the event list and the subscriptions, each with its own whsec_ secret. */
const crypto = require('node:crypto');
const { LinqHttpError, now, uuid, invalid, notFound } = require('./common');
const { EVENT_TYPES } = require('./events');

function subscriptionById(state, id) {
	const subscription = state.subscriptions.get(id);
	if (!subscription) throw notFound('Webhook subscription');
	return subscription;
}

/** Linq shows the signing secret only in the answer to the create. */
function publicSubscription(subscription) {
	const { signing_secret, ...rest } = subscription;
	return rest;
}

function webhookSubscriptionRoutes(router) {
	router.get(/^\/v3\/webhook-events$/, () => ({
		body: { events: EVENT_TYPES, doc_url: 'https://docs.linqapp.com/guides/webhooks/events' },
	}));
	router.post(/^\/v3\/webhook-subscriptions$/, (_, { body, state }) => {
		if (
			!body?.target_url ||
			!Array.isArray(body.subscribed_events) ||
			body.subscribed_events.length === 0
		) {
			throw invalid('target_url and subscribed_events are required');
		}
		const unknown = body.subscribed_events.filter((event) => !EVENT_TYPES.includes(event));
		if (unknown.length) throw invalid(`Unknown event types: ${unknown.join(', ')}`);
		if ([...state.subscriptions.values()].some((s) => s.target_url === body.target_url)) {
			throw new LinqHttpError(
				409,
				2009,
				'A webhook subscription already exists for this target_url',
			);
		}
		const subscription = {
			id: uuid(),
			target_url: body.target_url,
			subscribed_events: body.subscribed_events,
			phone_numbers: body.phone_numbers ?? null,
			is_active: true,
			created_at: now(),
			updated_at: now(),
			signing_secret: `whsec_${crypto.randomBytes(24).toString('base64')}`,
		};
		state.subscriptions.set(subscription.id, subscription);
		return { status: 201, body: subscription };
	});
	router.get(/^\/v3\/webhook-subscriptions$/, (_, { state }) => ({
		body: { subscriptions: [...state.subscriptions.values()].map(publicSubscription) },
	}));
	router.get(/^\/v3\/webhook-subscriptions\/([^/]+)$/, ([id], { state }) => ({
		body: publicSubscription(subscriptionById(state, id)),
	}));
	router.put(/^\/v3\/webhook-subscriptions\/([^/]+)$/, ([id], { body, state }) => {
		const subscription = subscriptionById(state, id);
		for (const key of ['target_url', 'subscribed_events', 'phone_numbers', 'is_active']) {
			if (body?.[key] !== undefined) subscription[key] = body[key];
		}
		subscription.updated_at = now();
		return { body: publicSubscription(subscription) };
	});
	router.delete(/^\/v3\/webhook-subscriptions\/([^/]+)$/, ([id], { state }) => {
		subscriptionById(state, id);
		state.subscriptions.delete(id);
		return { status: 204 };
	});
}

module.exports = { webhookSubscriptionRoutes, subscriptionById };
