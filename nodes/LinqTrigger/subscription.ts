import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
} from 'n8n-workflow';

import { linqApiRequest } from '../shared/transport';
import { KNOWN_EVENT_TYPES, WEBHOOK_VERSION } from '../shared/delivery/events';
import {
	forgetDedupeStatesOfKind,
	forgetDedupeStatesOfSubscription,
} from '../shared/delivery/dedupe';
import { canonicalHandle } from '../shared/handles';
import {
	forgetRegistration,
	readRegistrations,
	rememberRegistration,
	writeRegistrations,
	type Registrations,
} from '../shared/delivery/registrations';
import { isValidSigningSecret, SECRET_FORMAT } from '../shared/delivery/signingSecret';
import { deleteExpiredWaitSubscriptions, deleteExpiredWaits } from '../shared/waitSubscriptions';

const SUBSCRIPTIONS_PATH = '/v3/webhook-subscriptions';

export interface WantedSubscription {
	webhookUrl: string;
	targetUrl: string;
	events: string[];
	lines: string[];
}

function baseUrl(url: string): string {
	const query = url.indexOf('?');
	return query === -1 ? url : url.slice(0, query);
}

export function targetUrlFor(webhookUrl: string): string {
	return `${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}version=${WEBHOOK_VERSION}`;
}

function sorted(values: Iterable<string>): string[] {
	return [...new Set(values)].sort();
}

/** The subscription the node's parameters ask for. */
export function wantedSubscription(this: IHookFunctions): WantedSubscription {
	const webhookUrl = this.getNodeWebhookUrl('default');
	if (!webhookUrl) {
		throw new NodeOperationError(this.getNode(), 'n8n gave this trigger no webhook URL', {
			description: 'Save the workflow, then activate it again.',
		});
	}
	const events = sorted(
		(this.getNodeParameter('events', []) as string[]).filter((event) =>
			KNOWN_EVENT_TYPES.has(event),
		),
	);
	if (events.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Events is empty', {
			description:
				'Choose at least one event for the trigger to listen to, such as Message Received.',
		});
	}
	const lines = sorted(
		(this.getNodeParameter('lines', []) as string[])
			.map(canonicalHandle)
			.filter((line) => line !== ''),
	);
	return { webhookUrl, targetUrl: targetUrlFor(webhookUrl), events, lines };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((value, index) => value === b[index]);
}

function matches(remote: IDataObject, wanted: WantedSubscription): boolean {
	const events = Array.isArray(remote.subscribed_events)
		? (remote.subscribed_events as string[])
		: [];
	const lines = Array.isArray(remote.phone_numbers) ? (remote.phone_numbers as string[]) : [];
	return (
		remote.target_url === wanted.targetUrl &&
		remote.is_active !== false &&
		sameList(sorted(events), wanted.events) &&
		sameList(sorted(lines.map(canonicalHandle)), wanted.lines)
	);
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

function subscriptionPath(id: string): string {
	return `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(id)}`;
}

/**
 * Awaits a Linq request for which 404 is an answer, not a failure: the subscription is
 * already gone. Every other failure (already a NodeApiError from the transport) propagates.
 */
async function unlessNotFound<T>(request: Promise<T>): Promise<T | undefined> {
	return await request.catch((error: unknown) => {
		if (isNotFound(error)) return undefined;
		throw error;
	});
}

/** The subscription, or undefined when Linq no longer has it. */
async function fetchSubscription(
	this: IHookFunctions,
	id: string,
): Promise<IDataObject | undefined> {
	return await unlessNotFound(
		linqApiRequest.call(this, { method: 'GET', path: subscriptionPath(id) }),
	);
}

/** Deletes a subscription, and the live dedupe state made for it; one Linq no longer has counts as deleted. */
async function deleteSubscription(this: IHookFunctions, id: string): Promise<void> {
	await unlessNotFound(linqApiRequest.call(this, { method: 'DELETE', path: subscriptionPath(id) }));
	forgetDedupeStatesOfSubscription(this, id);
}

/** Brings the subscription in line with the node; false when Linq no longer has it. */
async function updateSubscription(
	this: IHookFunctions,
	id: string,
	wanted: WantedSubscription,
): Promise<boolean> {
	const updated = await unlessNotFound(
		linqApiRequest.call(this, {
			method: 'PUT',
			path: subscriptionPath(id),
			body: {
				target_url: wanted.targetUrl,
				subscribed_events: wanted.events,
				phone_numbers: wanted.lines,
				is_active: true,
			},
		}),
	);
	return updated !== undefined;
}

/**
 * Linq accepts one subscription per target URL and shows its secret only once, so a
 * subscription on our URL whose secret we do not hold can never be verified: it is deleted so
 * that `create` makes a fresh one, never adopted.
 */
async function deleteUnverifiableSubscriptions(
	this: IHookFunctions,
	webhookUrl: string,
): Promise<void> {
	const body = await linqApiRequest.call(this, { method: 'GET', path: SUBSCRIPTIONS_PATH });
	const subscriptions = Array.isArray(body.subscriptions)
		? (body.subscriptions as IDataObject[])
		: [];
	// Send and Wait cannot delete the subscription of a wait that timed out; activations help.
	await deleteExpiredWaits.call(this, subscriptions, Math.floor(Date.now() / 1000));
	for (const subscription of subscriptions) {
		if (
			typeof subscription.id === 'string' &&
			typeof subscription.target_url === 'string' &&
			baseUrl(subscription.target_url) === baseUrl(webhookUrl)
		) {
			await deleteSubscription.call(this, subscription.id);
		}
	}
}

/**
 * An active workflow whose webhook URL changed (a new WEBHOOK_URL, say) still holds the
 * subscription for the old URL; it is deleted so one trigger never has two. Test entries are
 * left to the test run that made them.
 */
async function deleteOutdatedProductionSubscriptions(
	this: IHookFunctions,
	registrations: Registrations,
	webhookUrl: string,
): Promise<boolean> {
	let changed = false;
	for (const [url, registration] of Object.entries(registrations)) {
		if (url === webhookUrl || registration.test) continue;
		await deleteSubscription.call(this, registration.id);
		delete registrations[url];
		changed = true;
	}
	return changed;
}

function isTestRun(ctx: IHookFunctions): boolean {
	return ctx.getMode() === 'manual';
}

/** `webhookMethods.default.checkExists`: true when a verifiable subscription matching the node is in place. */
export async function subscriptionExists(this: IHookFunctions): Promise<boolean> {
	const wanted = wantedSubscription.call(this);
	const staticData = this.getWorkflowStaticData('node');
	const registrations = readRegistrations(staticData);
	let changed = false;
	if (!isTestRun(this)) {
		changed = await deleteOutdatedProductionSubscriptions.call(
			this,
			registrations,
			wanted.webhookUrl,
		);
	}

	const stored = registrations[wanted.webhookUrl];
	if (stored) {
		// A stored secret that is missing or malformed can verify nothing: replace the subscription.
		const remote = isValidSigningSecret(stored.secret)
			? await fetchSubscription.call(this, stored.id)
			: undefined;
		if (remote !== undefined) {
			if (matches(remote, wanted) || (await updateSubscription.call(this, stored.id, wanted))) {
				registrations[wanted.webhookUrl] = {
					...stored,
					targetUrl: wanted.targetUrl,
					events: wanted.events,
					lines: wanted.lines,
				};
				writeRegistrations(staticData, registrations);
				await deleteExpiredWaitSubscriptions
					.call(this, Math.floor(Date.now() / 1000))
					.catch((error: unknown) =>
						this.logger.warn(
							`Linq Trigger could not clear expired Send and Wait subscriptions: ${(error as Error).message}`,
						),
					);
				return true;
			}
		}
		forgetDedupeStatesOfSubscription(this, stored.id);
		delete registrations[wanted.webhookUrl];
		changed = true;
	}
	if (changed) writeRegistrations(staticData, registrations);

	await deleteUnverifiableSubscriptions.call(this, wanted.webhookUrl);
	return false;
}

/** `webhookMethods.default.create`: subscribes our URL and keeps the id and signing secret. */
export async function createSubscription(this: IHookFunctions): Promise<boolean> {
	const wanted = wantedSubscription.call(this);
	const body: IDataObject = { target_url: wanted.targetUrl, subscribed_events: wanted.events };
	if (wanted.lines.length > 0) body.phone_numbers = wanted.lines;
	const created = await linqApiRequest.call(this, {
		method: 'POST',
		path: SUBSCRIPTIONS_PATH,
		body,
	});
	forgetDedupeStatesOfKind(this);

	const id = typeof created.id === 'string' ? created.id : '';
	const secret = created.signing_secret;
	if (id === '' || !isValidSigningSecret(secret)) {
		if (id !== '') await deleteSubscription.call(this, id);
		throw new NodeOperationError(
			this.getNode(),
			"Linq did not return the new subscription's ID and a valid signing secret",
			{
				description: `Without a valid secret (${SECRET_FORMAT}) no event could be verified, so the subscription was removed. Activate the workflow again.`,
			},
		);
	}

	const staticData = this.getWorkflowStaticData('node');
	rememberRegistration(staticData, wanted.webhookUrl, {
		id,
		secret,
		targetUrl: wanted.targetUrl,
		events: wanted.events,
		lines: wanted.lines,
		test: isTestRun(this),
	});
	return true;
}

/**
 * `webhookMethods.default.delete`: removes our subscription at Linq and forgets it. n8n calls
 * it on deactivation and when a test listen ends, with the URL of that run.
 */
export async function removeSubscription(this: IHookFunctions): Promise<boolean> {
	const webhookUrl = this.getNodeWebhookUrl('default');
	if (!webhookUrl) return true;
	const staticData = this.getWorkflowStaticData('node');
	const stored = readRegistrations(staticData)[webhookUrl];
	if (stored) {
		await deleteSubscription.call(this, stored.id);
		forgetRegistration(staticData, webhookUrl);
		return true;
	}
	await deleteUnverifiableSubscriptions.call(this, webhookUrl);
	return true;
}
