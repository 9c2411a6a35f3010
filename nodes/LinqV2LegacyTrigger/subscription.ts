import { randomBytes } from 'crypto';
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
} from 'n8n-workflow';

import {
	forgetDedupeStatesOfKind,
	forgetDedupeStatesOfSubscription,
} from '../shared/delivery/dedupe';
import {
	forgetRegistration,
	readRegistrations,
	rememberRegistration,
	writeRegistrations,
	type Registrations,
} from '../shared/delivery/registrations';
import { linqV2Request } from '../shared/v2/api';
import { V2_EVENT_TYPES } from '../shared/v2/events';
import { isValidV2Secret } from './verifyV2Signature';

const SUBSCRIPTIONS_PATH = '/webhook_subscriptions';

/** 32 random bytes as hex: V2 takes any secret text, and this one has 256 bits. */
const SECRET_BYTES = 32;

interface Wanted {
	webhookUrl: string;
	events: string[];
}

function withoutQuery(url: string): string {
	const query = url.indexOf('?');
	return query === -1 ? url : url.slice(0, query);
}

function wanted(ctx: IHookFunctions): Wanted {
	const webhookUrl = ctx.getNodeWebhookUrl('default');
	if (!webhookUrl) {
		throw new NodeOperationError(ctx.getNode(), 'n8n gave this trigger no webhook URL', {
			description: 'Save the workflow, then activate it again.',
		});
	}
	const events = [
		...new Set(
			(ctx.getNodeParameter('events', []) as string[]).filter((event) => V2_EVENT_TYPES.has(event)),
		),
	].sort();
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Events is empty', {
			description:
				'Choose at least one event for the trigger to listen to, such as Message Received.',
		});
	}
	return { webhookUrl, events };
}

function isTestRun(ctx: IHookFunctions): boolean {
	return ctx.getMode() === 'manual';
}

/** V2 has no GET for one subscription: the list is the only way to see it. */
async function listSubscriptions(ctx: IHookFunctions): Promise<IDataObject[]> {
	const body = await linqV2Request.call(ctx, { method: 'GET', path: SUBSCRIPTIONS_PATH });
	return Array.isArray(body.webhook_subscriptions)
		? (body.webhook_subscriptions as IDataObject[])
		: [];
}

/** A request for which 404 means the subscription is already gone; other failures propagate. */
async function unlessNotFound<T>(request: Promise<T>): Promise<T | undefined> {
	return await request.catch((error: unknown) => {
		if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
		throw error;
	});
}

/** V2 IDs are integers; anything else read back from static data never reaches a path. */
const V2_ID = /^\d{1,18}$/;

async function deleteSubscription(ctx: IHookFunctions, id: string): Promise<void> {
	if (V2_ID.test(id))
		await unlessNotFound(
			linqV2Request.call(ctx, { method: 'DELETE', path: `${SUBSCRIPTIONS_PATH}/${id}` }),
		);
	forgetDedupeStatesOfSubscription(ctx, id);
}

function matches(remote: IDataObject, want: Wanted): boolean {
	const events = Array.isArray(remote.events) ? (remote.events as string[]) : [];
	const sorted = [...new Set(events)].sort();
	return (
		remote.webhook_url === want.webhookUrl &&
		remote.active !== false &&
		sorted.length === want.events.length &&
		sorted.every((event, index) => event === want.events[index])
	);
}

/**
 * V2 accepts several subscriptions on one URL and then delivers every event once per
 * subscription, and it never shows a secret again: any subscription on our URL that is not the
 * one we hold the secret of is deleted, never adopted.
 */
async function deleteOthersOnUrl(
	ctx: IHookFunctions,
	remote: IDataObject[],
	webhookUrl: string,
	keep?: string,
): Promise<void> {
	for (const subscription of remote) {
		const subscriptionId = String(subscription.id ?? '');
		if (
			subscriptionId !== '' &&
			subscriptionId !== keep &&
			typeof subscription.webhook_url === 'string' &&
			withoutQuery(subscription.webhook_url) === withoutQuery(webhookUrl)
		) {
			await deleteSubscription(ctx, subscriptionId);
		}
	}
}

/** A production registration for another URL (WEBHOOK_URL changed) is deleted: one trigger, one subscription. */
async function deleteOutdated(
	ctx: IHookFunctions,
	registrations: Registrations,
	webhookUrl: string,
): Promise<boolean> {
	let changed = false;
	for (const [url, registration] of Object.entries(registrations)) {
		if (url === webhookUrl || registration.test) continue;
		await deleteSubscription(ctx, registration.id);
		delete registrations[url];
		changed = true;
	}
	return changed;
}

/** `checkExists`: true when our own, verifiable subscription is in place and matches the node. */
export async function v2SubscriptionExists(this: IHookFunctions): Promise<boolean> {
	const want = wanted(this);
	const staticData = this.getWorkflowStaticData('node');
	const registrations = readRegistrations(staticData);
	let changed = isTestRun(this)
		? false
		: await deleteOutdated(this, registrations, want.webhookUrl);
	const remote = await listSubscriptions(this);
	const stored = registrations[want.webhookUrl];

	if (stored && isValidV2Secret(stored.secret)) {
		const current = remote.find((subscription) => String(subscription.id) === stored.id);
		const inPlace =
			current !== undefined &&
			(matches(current, want) ||
				(await unlessNotFound(
					linqV2Request.call(this, {
						method: 'PUT',
						path: `${SUBSCRIPTIONS_PATH}/${stored.id}`,
						body: {
							webhook_subscription: {
								webhook_url: want.webhookUrl,
								version: 2,
								events: want.events,
								active: true,
								secret: stored.secret,
							},
						},
					}),
				)) !== undefined);
		if (inPlace) {
			registrations[want.webhookUrl] = { ...stored, events: want.events };
			writeRegistrations(staticData, registrations);
			await deleteOthersOnUrl(this, remote, want.webhookUrl, stored.id);
			return true;
		}
	}
	if (stored) {
		forgetDedupeStatesOfSubscription(this, stored.id);
		delete registrations[want.webhookUrl];
		changed = true;
	}
	if (changed) writeRegistrations(staticData, registrations);
	await deleteOthersOnUrl(this, remote, want.webhookUrl);
	return false;
}

/** `create`: subscribes our URL with a secret made here, and keeps the ID and the secret. */
export async function createV2Subscription(this: IHookFunctions): Promise<boolean> {
	const want = wanted(this);
	const secret = randomBytes(SECRET_BYTES).toString('hex');
	const body = await linqV2Request.call(this, {
		method: 'POST',
		path: SUBSCRIPTIONS_PATH,
		body: {
			webhook_subscription: {
				webhook_url: want.webhookUrl,
				version: 2,
				secret,
				active: true,
				events: want.events,
			},
		},
	});
	forgetDedupeStatesOfKind(this);
	const created = (body.webhook_subscription ?? body) as IDataObject;
	const id = created.id === undefined || created.id === null ? '' : String(created.id);
	if (id === '') {
		throw new NodeOperationError(this.getNode(), "Linq did not return the new subscription's ID", {
			description:
				'The trigger cannot delete a subscription it has no ID for. Check the webhook subscriptions with the Linq V2 (Legacy) node and delete the one on this URL, then activate again.',
		});
	}
	const staticData = this.getWorkflowStaticData('node');
	rememberRegistration(staticData, want.webhookUrl, {
		id,
		secret,
		targetUrl: want.webhookUrl,
		events: want.events,
		lines: [],
		test: isTestRun(this),
	});
	return true;
}

/** `delete`: removes our subscription at Linq (already gone counts as removed) and forgets it. */
export async function removeV2Subscription(this: IHookFunctions): Promise<boolean> {
	const webhookUrl = this.getNodeWebhookUrl('default');
	if (!webhookUrl) return true;
	const staticData = this.getWorkflowStaticData('node');
	const stored = readRegistrations(staticData)[webhookUrl];
	if (stored) {
		await deleteSubscription(this, stored.id);
		forgetRegistration(staticData, webhookUrl);
		return true;
	}
	await deleteOthersOnUrl(this, await listSubscriptions(this), webhookUrl);
	return true;
}
