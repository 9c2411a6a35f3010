import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
} from 'n8n-workflow';

import { forgetDedupeStatesOfKind, forgetDedupeStatesOfSubscription } from './dedupe';
import {
	forgetRegistration,
	readRegistrations,
	rememberRegistration,
	writeRegistrations,
	type Registrations,
} from './registrations';

/** The subscription the trigger's parameters ask for. */
export interface WantedSubscription {
	webhookUrl: string;
	/** Where Linq delivers: the webhook URL, with the payload version for V3. */
	targetUrl: string;
	events: string[];
	/** Canonical handles, sorted; empty means every line. */
	lines: string[];
}

/** A subscription from Linq's answer, in the lifecycle's words. */
export interface RemoteSubscription {
	/** '' when the answer carries no usable ID. */
	id: string;
	targetUrl: string | undefined;
	active: boolean;
	events: string[];
	/** Canonical handles. */
	lines: string[];
}

/**
 * What differs between the webhook subscription APIs of V3 and V2: paths, field names, who
 * makes the secret and how it looks. Requests answer with the transport's NodeApiError; the
 * lifecycle reads 404 on update and delete as "already gone".
 */
export interface SubscriptionApi {
	/** Event types the API knows; anything else chosen in Events is dropped. */
	eventTypes: ReadonlySet<string>;
	/** The lines the node limits the subscription to, canonical. */
	lines(ctx: IHookFunctions): string[];
	targetUrl(webhookUrl: string): string;
	isValidSecret(secret: unknown): secret is string;
	read(subscription: IDataObject): RemoteSubscription;
	list(ctx: IHookFunctions): Promise<IDataObject[]>;
	/** One subscription, undefined once Linq no longer has it. Without it, it is found in the list. */
	get?(ctx: IHookFunctions, id: string): Promise<IDataObject | undefined>;
	/** Creates the subscription; `id` is '' when Linq's answer carries none. */
	create(ctx: IHookFunctions, wanted: WantedSubscription): Promise<{ id: string; secret: unknown }>;
	/** What a create that gave no ID or no valid secret fails with. */
	createFailure: { message: string; description: string };
	update(
		ctx: IHookFunctions,
		id: string,
		wanted: WantedSubscription,
		secret: string,
	): Promise<unknown>;
	delete(ctx: IHookFunctions, id: string): Promise<unknown>;
	/** True when Linq accepts several subscriptions on one URL (each then gets every event). */
	severalPerUrl: boolean;
	/** Housekeeping on Linq's list whenever the lifecycle reads it to clear our URL. */
	sweep?(ctx: IHookFunctions, subscriptions: IDataObject[]): Promise<unknown>;
	/** Runs once checkExists has confirmed the subscription. */
	afterConfirmed?(ctx: IHookFunctions): Promise<void>;
}

/** Awaits a request for which 404 means the subscription is already gone; other failures propagate. */
export async function unlessNotFound<T>(request: Promise<T>): Promise<T | undefined> {
	return await request.catch((error: unknown) => {
		if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
		throw error;
	});
}

function withoutQuery(url: string): string {
	const query = url.indexOf('?');
	return query === -1 ? url : url.slice(0, query);
}

function sorted(values: Iterable<string>): string[] {
	return [...new Set(values)].sort();
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((value, index) => value === b[index]);
}

function isTestRun(ctx: IHookFunctions): boolean {
	return ctx.getMode() === 'manual';
}

function wantedSubscription(ctx: IHookFunctions, api: SubscriptionApi): WantedSubscription {
	const webhookUrl = ctx.getNodeWebhookUrl('default');
	if (!webhookUrl) {
		throw new NodeOperationError(ctx.getNode(), 'n8n gave this trigger no webhook URL', {
			description: 'Save the workflow, then activate it again.',
		});
	}
	const events = sorted(
		(ctx.getNodeParameter('events', []) as string[]).filter((event) => api.eventTypes.has(event)),
	);
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Events is empty', {
			description:
				'Choose at least one event for the trigger to listen to, such as Message Received.',
		});
	}
	const lines = sorted(api.lines(ctx).filter((line) => line !== ''));
	return { webhookUrl, targetUrl: api.targetUrl(webhookUrl), events, lines };
}

function matches(remote: RemoteSubscription, wanted: WantedSubscription): boolean {
	return (
		remote.targetUrl === wanted.targetUrl &&
		remote.active &&
		sameList(sorted(remote.events), wanted.events) &&
		sameList(sorted(remote.lines), wanted.lines)
	);
}

/**
 * The webhook lifecycle both triggers share: `checkExists`, `create` and `delete` for
 * `webhookMethods.default`, with the registrations kept in the node's static data
 * (registrations.ts) and the live dedupe state of each subscription forgotten with it.
 */
export function subscriptionLifecycle(api: SubscriptionApi) {
	/** Deletes a subscription, and the live dedupe state made for it; one Linq no longer has counts as deleted. */
	async function deleteSubscription(ctx: IHookFunctions, id: string): Promise<void> {
		await unlessNotFound(api.delete(ctx, id));
		forgetDedupeStatesOfSubscription(ctx, id);
	}

	/**
	 * Linq shows a secret only once (V3) or never again (V2), so a subscription on our URL whose
	 * secret we do not hold can never be verified: it is deleted, never adopted. V2 would also
	 * deliver every event once per subscription on the URL.
	 */
	async function deleteOthersOnUrl(
		ctx: IHookFunctions,
		subscriptions: IDataObject[],
		webhookUrl: string,
		keep?: string,
	): Promise<void> {
		for (const subscription of subscriptions) {
			const remote = api.read(subscription);
			if (
				remote.id !== '' &&
				remote.id !== keep &&
				remote.targetUrl !== undefined &&
				withoutQuery(remote.targetUrl) === withoutQuery(webhookUrl)
			) {
				await deleteSubscription(ctx, remote.id);
			}
		}
	}

	async function clearUrl(
		ctx: IHookFunctions,
		subscriptions: IDataObject[],
		webhookUrl: string,
	): Promise<void> {
		await api.sweep?.(ctx, subscriptions);
		await deleteOthersOnUrl(ctx, subscriptions, webhookUrl);
	}

	/**
	 * An active workflow whose webhook URL changed (a new WEBHOOK_URL, say) still holds the
	 * subscription for the old URL; it is deleted so one trigger never has two. Test entries are
	 * left to the test run that made them.
	 */
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

	return {
		/** True when our own, verifiable subscription is in place and matches the node. */
		async checkExists(this: IHookFunctions): Promise<boolean> {
			const wanted = wantedSubscription(this, api);
			const staticData = this.getWorkflowStaticData('node');
			const registrations = readRegistrations(staticData);
			const changed = isTestRun(this)
				? false
				: await deleteOutdated(this, registrations, wanted.webhookUrl);
			let listed: IDataObject[] | undefined;
			const list = async () => (listed ??= await api.list(this));

			const stored = registrations[wanted.webhookUrl];
			// A stored secret that is missing or malformed can verify nothing: replace the subscription.
			if (stored && api.isValidSecret(stored.secret)) {
				const found = api.get
					? await api.get(this, stored.id)
					: (await list()).find((subscription) => api.read(subscription).id === stored.id);
				const inPlace =
					found !== undefined &&
					(matches(api.read(found), wanted) ||
						(await unlessNotFound(api.update(this, stored.id, wanted, stored.secret))) !==
							undefined);
				if (inPlace) {
					registrations[wanted.webhookUrl] = {
						...stored,
						targetUrl: wanted.targetUrl,
						events: wanted.events,
						lines: wanted.lines,
					};
					writeRegistrations(staticData, registrations);
					if (api.severalPerUrl) {
						await deleteOthersOnUrl(this, await list(), wanted.webhookUrl, stored.id);
					}
					await api.afterConfirmed?.(this);
					return true;
				}
			}
			if (stored) {
				forgetDedupeStatesOfSubscription(this, stored.id);
				delete registrations[wanted.webhookUrl];
			}
			if (stored || changed) writeRegistrations(staticData, registrations);
			await clearUrl(this, await list(), wanted.webhookUrl);
			return false;
		},

		/** Subscribes our URL and keeps the ID and the secret. */
		async create(this: IHookFunctions): Promise<boolean> {
			const wanted = wantedSubscription(this, api);
			const { id, secret } = await api.create(this, wanted);
			forgetDedupeStatesOfKind(this);
			if (id === '' || !api.isValidSecret(secret)) {
				if (id !== '') await deleteSubscription(this, id);
				throw new NodeOperationError(this.getNode(), api.createFailure.message, {
					description: api.createFailure.description,
				});
			}
			rememberRegistration(this.getWorkflowStaticData('node'), wanted.webhookUrl, {
				id,
				secret,
				targetUrl: wanted.targetUrl,
				events: wanted.events,
				lines: wanted.lines,
				test: isTestRun(this),
			});
			return true;
		},

		/**
		 * Removes our subscription at Linq (already gone counts as removed) and forgets it. n8n
		 * calls it on deactivation and when a test listen ends, with the URL of that run.
		 */
		async delete(this: IHookFunctions): Promise<boolean> {
			const webhookUrl = this.getNodeWebhookUrl('default');
			if (!webhookUrl) return true;
			const staticData = this.getWorkflowStaticData('node');
			const stored = readRegistrations(staticData)[webhookUrl];
			if (stored) {
				await deleteSubscription(this, stored.id);
				forgetRegistration(staticData, webhookUrl);
				return true;
			}
			await clearUrl(this, await api.list(this), webhookUrl);
			return true;
		},
	};
}
