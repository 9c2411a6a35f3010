import { randomBytes } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import {
	subscriptionLifecycle,
	type SubscriptionApi,
	type WantedSubscription,
} from '../shared/delivery/subscriptionLifecycle';
import { linqV2Request } from '../shared/v2/api';
import { V2_EVENT_TYPES } from '../shared/v2/events';
import { isValidV2Secret } from './verifyV2Signature';

const SUBSCRIPTIONS_PATH = '/webhook_subscriptions';

/** 32 random bytes as hex: V2 takes any secret text, and this one has 256 bits. */
const SECRET_BYTES = 32;

/** V2 IDs are integers; anything else read back from static data never reaches a path. */
const V2_ID = /^\d{1,18}$/;

function subscriptionBody(wanted: WantedSubscription, secret: string): IDataObject {
	return {
		webhook_subscription: {
			webhook_url: wanted.targetUrl,
			version: 2,
			secret,
			active: true,
			events: wanted.events,
		},
	};
}

/**
 * V2's webhook subscriptions: the trigger makes the secret and V2 never shows it again; V2 has
 * no GET for one subscription (the list is the only way to see it), no lines, and accepts
 * several subscriptions on one URL.
 */
const V2_SUBSCRIPTIONS: SubscriptionApi = {
	eventTypes: V2_EVENT_TYPES,
	lines: () => [],
	targetUrl: (webhookUrl) => webhookUrl,
	isValidSecret: isValidV2Secret,
	read: (subscription) => ({
		id: String(subscription.id ?? ''),
		targetUrl: typeof subscription.webhook_url === 'string' ? subscription.webhook_url : undefined,
		active: subscription.active !== false,
		events: Array.isArray(subscription.events) ? (subscription.events as string[]) : [],
		lines: [],
	}),
	async list(ctx) {
		const body = await linqV2Request.call(ctx, { method: 'GET', path: SUBSCRIPTIONS_PATH });
		return Array.isArray(body.webhook_subscriptions)
			? (body.webhook_subscriptions as IDataObject[])
			: [];
	},
	async create(ctx, wanted) {
		const secret = randomBytes(SECRET_BYTES).toString('hex');
		const body = await linqV2Request.call(ctx, {
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			body: subscriptionBody(wanted, secret),
		});
		const created = (body.webhook_subscription ?? body) as IDataObject;
		return {
			id: created.id === undefined || created.id === null ? '' : String(created.id),
			secret,
		};
	},
	createFailure: {
		message: "Linq did not return the new subscription's ID",
		description:
			'The trigger cannot delete a subscription it has no ID for. Check the webhook subscriptions with the Linq V2 (Legacy) node and delete the one on this URL, then activate again.',
	},
	async update(ctx, id, wanted, secret) {
		return await linqV2Request.call(ctx, {
			method: 'PUT',
			path: `${SUBSCRIPTIONS_PATH}/${id}`,
			body: subscriptionBody(wanted, secret),
		});
	},
	async delete(ctx, id) {
		if (!V2_ID.test(id)) return undefined;
		return await linqV2Request.call(ctx, { method: 'DELETE', path: `${SUBSCRIPTIONS_PATH}/${id}` });
	},
	severalPerUrl: true,
};

/** `webhookMethods.default` of the Linq V2 Trigger (Legacy). */
export const v2Subscription = subscriptionLifecycle(V2_SUBSCRIPTIONS);
