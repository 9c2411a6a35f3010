import type { IDataObject } from 'n8n-workflow';

import { KNOWN_EVENT_TYPES, WEBHOOK_VERSION } from '../shared/delivery/events';
import { isValidSigningSecret, SECRET_FORMAT } from '../shared/delivery/signingSecret';
import {
	subscriptionLifecycle,
	unlessNotFound,
	type SubscriptionApi,
} from '../shared/delivery/subscriptionLifecycle';
import { canonicalHandle } from '../shared/handles';
import { linqApiRequest } from '../shared/transport';
import { deleteExpiredWaitSubscriptions, deleteExpiredWaits } from '../shared/waitSubscriptions';

const SUBSCRIPTIONS_PATH = '/v3/webhook-subscriptions';

function subscriptionPath(id: string): string {
	return `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(id)}`;
}

function strings(value: unknown): string[] {
	return Array.isArray(value) ? (value as string[]) : [];
}

/** V3's webhook subscriptions: Linq makes the secret and shows it once, one subscription per target URL. */
const V3_SUBSCRIPTIONS: SubscriptionApi = {
	eventTypes: KNOWN_EVENT_TYPES,
	lines: (ctx) => (ctx.getNodeParameter('lines', []) as string[]).map(canonicalHandle),
	targetUrl: (webhookUrl) =>
		`${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}version=${WEBHOOK_VERSION}`,
	isValidSecret: isValidSigningSecret,
	read: (subscription) => ({
		id: typeof subscription.id === 'string' ? subscription.id : '',
		targetUrl: typeof subscription.target_url === 'string' ? subscription.target_url : undefined,
		active: subscription.is_active !== false,
		events: strings(subscription.subscribed_events),
		lines: strings(subscription.phone_numbers).map(canonicalHandle),
	}),
	async list(ctx) {
		const body = await linqApiRequest.call(ctx, { method: 'GET', path: SUBSCRIPTIONS_PATH });
		return Array.isArray(body.subscriptions) ? (body.subscriptions as IDataObject[]) : [];
	},
	async get(ctx, id) {
		return await unlessNotFound(
			linqApiRequest.call(ctx, { method: 'GET', path: subscriptionPath(id) }),
		);
	},
	async create(ctx, wanted) {
		const body: IDataObject = { target_url: wanted.targetUrl, subscribed_events: wanted.events };
		if (wanted.lines.length > 0) body.phone_numbers = wanted.lines;
		const created = await linqApiRequest.call(ctx, {
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			body,
		});
		return {
			id: typeof created.id === 'string' ? created.id : '',
			secret: created.signing_secret,
		};
	},
	createFailure: {
		message: "Linq did not return the new subscription's ID and a valid signing secret",
		description: `Without a valid secret (${SECRET_FORMAT}) no event could be verified, so the subscription was removed. Activate the workflow again.`,
	},
	async update(ctx, id, wanted) {
		return await linqApiRequest.call(ctx, {
			method: 'PUT',
			path: subscriptionPath(id),
			body: {
				target_url: wanted.targetUrl,
				subscribed_events: wanted.events,
				phone_numbers: wanted.lines,
				is_active: true,
			},
		});
	},
	async delete(ctx, id) {
		return await linqApiRequest.call(ctx, { method: 'DELETE', path: subscriptionPath(id) });
	},
	severalPerUrl: false,
	// Send and Wait cannot delete the subscription of a wait that timed out; activations help.
	async sweep(ctx, subscriptions) {
		await deleteExpiredWaits.call(ctx, subscriptions, Math.floor(Date.now() / 1000));
	},
	async afterConfirmed(ctx) {
		await deleteExpiredWaitSubscriptions
			.call(ctx, Math.floor(Date.now() / 1000))
			.catch((error: unknown) =>
				ctx.logger.warn(
					`Linq Trigger could not clear expired Send and Wait subscriptions: ${(error as Error).message}`,
				),
			);
	},
};

/** `webhookMethods.default` of the Linq Trigger. */
export const v3Subscription = subscriptionLifecycle(V3_SUBSCRIPTIONS);
