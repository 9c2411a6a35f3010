import { hash } from 'crypto';
import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { WEBHOOK_VERSION } from './delivery/events';
import { canonicalHandle } from './handles';
import { linqApiRequest } from './transport';

/*
 * A Send and Wait (Reply) execution listens through its own Linq webhook subscription, whose
 * target URL is the execution's resume URL. No subscription may outlive its wait, but a wait
 * that times out resumes without running any of our code (docs/design.md, issue 17), so the
 * subscription carries its own expiry and the instance that made it in its target URL, and
 * every Send and Wait run and every Linq Trigger activation deletes this instance's expired ones.
 */

/** `<expiry in Unix seconds>.<instance tag>`, in the target URL's query. */
export const WAIT_PARAM = 'linq_wait';

/**
 * Reply-waits listening on one line at the same time, at most, per n8n instance. Every inbound
 * message on a line is delivered to every wait listening there, and each delivery makes n8n
 * load the waiting execution (BENCHMARKS.md, "A busy line").
 */
export const MAX_REPLY_WAITS_PER_LINE = 20;

const SUBSCRIPTIONS_PATH = '/v3/webhook-subscriptions';
const TAG_CHARS = 16;
/** Ten digits of Unix seconds last until the year 2286; longer values are not ours. */
const WAIT_VALUE = /^(\d{1,10})\.([A-Za-z0-9_-]{16})$/;

type WaitContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions;

/** Names this n8n instance without showing its id: Linq lists target URLs to the account. */
export function instanceTag(instanceId: string): string {
	return hash('sha256', `linq-wait:${instanceId}`, 'base64url').slice(0, TAG_CHARS);
}

/** The query parameters of a wait's target URL, before n8n signs it. */
export function waitTargetParameters(
	expiresAtSeconds: number,
	tag: string,
): Record<string, string> {
	return { version: WEBHOOK_VERSION, [WAIT_PARAM]: `${Math.ceil(expiresAtSeconds)}.${tag}` };
}

export interface WaitTarget {
	expiresAt: number;
	tag: string;
}

/** Reads the expiry and instance out of a target URL; undefined for any other subscription. */
export function parseWaitTarget(targetUrl: unknown): WaitTarget | undefined {
	if (typeof targetUrl !== 'string' || targetUrl.length > 4_096) return undefined;
	let value: string | null;
	try {
		value = new URL(targetUrl).searchParams.get(WAIT_PARAM);
	} catch {
		return undefined;
	}
	const match = value === null ? null : WAIT_VALUE.exec(value);
	if (!match) return undefined;
	return { expiresAt: Number(match[1]), tag: match[2] };
}

export interface WaitSubscription {
	id: string;
	expiresAt: number;
	/** Canonical handles of the lines it listens on; empty listens on all lines. */
	lines: string[];
}

/** This instance's wait subscriptions among Linq's list, expired or not. */
export function ownWaitSubscriptions(subscriptions: unknown, tag: string): WaitSubscription[] {
	if (!Array.isArray(subscriptions)) return [];
	const own: WaitSubscription[] = [];
	for (const entry of subscriptions as IDataObject[]) {
		const target = parseWaitTarget(entry?.target_url);
		if (!target || target.tag !== tag || typeof entry.id !== 'string' || entry.id === '') continue;
		const lines = Array.isArray(entry.phone_numbers)
			? entry.phone_numbers.filter((line): line is string => typeof line === 'string')
			: [];
		own.push({ id: entry.id, expiresAt: target.expiresAt, lines: lines.map(canonicalHandle) });
	}
	return own;
}

/**
 * How many waits already listen on `line`: those filtered to it and those on all lines. Without
 * a line (Linq picks it only when the message is sent), the busiest line counts.
 */
export function waitsOnLine(waits: readonly WaitSubscription[], line: string | null): number {
	const everywhere = waits.filter((wait) => wait.lines.length === 0).length;
	const perLine = new Map<string, number>();
	for (const wait of waits) {
		for (const each of new Set(wait.lines)) perLine.set(each, (perLine.get(each) ?? 0) + 1);
	}
	if (line !== null) return everywhere + (perLine.get(canonicalHandle(line)) ?? 0);
	return everywhere + Math.max(0, ...perLine.values());
}

function subscriptionPath(id: string): string {
	return `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(id)}`;
}

/** Deletes a subscription; one Linq no longer has counts as deleted. */
export async function deleteWaitSubscription(this: WaitContext, id: string): Promise<void> {
	await linqApiRequest
		.call(this, { method: 'DELETE', path: subscriptionPath(id) })
		.catch((error: unknown) => {
			if (error instanceof NodeApiError && error.httpCode === '404') return {};
			throw error;
		});
}

/**
 * Deletes this instance's expired wait subscriptions among Linq's list and returns the ones
 * still running. A deletion that fails is logged and left for the next run: it must not stop a
 * send or an activation, and the subscription stays marked expired.
 */
export async function deleteExpiredWaits(
	this: WaitContext,
	subscriptions: unknown,
	nowSeconds: number,
): Promise<WaitSubscription[]> {
	const own = ownWaitSubscriptions(subscriptions, instanceTag(this.getInstanceId()));
	const running: WaitSubscription[] = [];
	for (const wait of own) {
		if (wait.expiresAt > nowSeconds) {
			running.push(wait);
			continue;
		}
		try {
			await deleteWaitSubscription.call(this, wait.id);
		} catch (error) {
			this.logger.warn(
				`Linq: could not delete the expired wait subscription ${wait.id}; the next Send and Wait or trigger activation tries again (${(error as Error).message})`,
			);
		}
	}
	return running;
}

/** Lists Linq's subscriptions, then as deleteExpiredWaits. */
export async function deleteExpiredWaitSubscriptions(
	this: WaitContext,
	nowSeconds: number,
): Promise<WaitSubscription[]> {
	const body = await linqApiRequest.call(this, { method: 'GET', path: SUBSCRIPTIONS_PATH });
	return await deleteExpiredWaits.call(this, body.subscriptions, nowSeconds);
}
