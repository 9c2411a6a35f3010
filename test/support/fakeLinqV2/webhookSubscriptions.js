'use strict';
/** Webhook subscriptions: each keeps the secret it was created with and shows only that it has one. */
const { now, nextId, StandardError } = require('./common');
const { V2_EVENTS } = require('./events');

function subscriptionById(state, subscriptionId) {
	const subscription = state.subscriptions.get(Number(subscriptionId));
	if (!subscription) throw new StandardError(404, 'not_found', 'Webhook subscription not found');
	return subscription;
}

function publicSubscription(subscription) {
	const { secret, ...rest } = subscription;
	return { ...rest, secret_configured: Boolean(secret) };
}

function subscriptionInput(body) {
	const input = body?.webhook_subscription;
	const problems = [];
	if (!input || typeof input !== 'object') problems.push('webhook_subscription is required');
	else {
		if (typeof input.webhook_url !== 'string' || input.webhook_url === '')
			problems.push('webhook_url is required');
		if (input.version !== 2) problems.push('version must be 2');
		if (!Array.isArray(input.events) || input.events.length === 0)
			problems.push('events is required');
		else if (input.events.some((event) => !V2_EVENTS.includes(event)))
			problems.push('events contains an unknown event');
	}
	if (problems.length > 0)
		throw new StandardError(422, 'validation_error', 'Validation failed', problems);
	return input;
}

function webhookSubscriptionRoutes(router) {
	router.get(/^\/webhook_subscriptions$/, (_, { state }) => ({
		body: { webhook_subscriptions: [...state.subscriptions.values()].map(publicSubscription) },
	}));
	router.post(/^\/webhook_subscriptions$/, (_, { body, state }) => {
		const input = subscriptionInput(body);
		const subscription = {
			id: nextId(state),
			webhook_url: input.webhook_url,
			version: 2,
			events: input.events,
			active: input.active ?? true,
			secret: input.secret,
			last_delivered_at: null,
			delivery_attempts: 0,
			created_at: now(),
			updated_at: now(),
		};
		state.subscriptions.set(subscription.id, subscription);
		return { status: 201, body: { webhook_subscription: publicSubscription(subscription) } };
	});
	router.put(/^\/webhook_subscriptions\/(\d+)$/, ([subscriptionId], { body, state }) => {
		const subscription = subscriptionById(state, subscriptionId);
		const input = subscriptionInput(body);
		Object.assign(subscription, {
			webhook_url: input.webhook_url,
			events: input.events,
			active: input.active ?? subscription.active,
			secret: input.secret ?? subscription.secret,
			updated_at: now(),
		});
		return { body: { webhook_subscription: publicSubscription(subscription) } };
	});
	router.delete(/^\/webhook_subscriptions\/(\d+)$/, ([subscriptionId], { state }) => {
		state.subscriptions.delete(subscriptionById(state, subscriptionId).id);
		return { status: 204 };
	});
}

module.exports = { webhookSubscriptionRoutes, subscriptionById };
