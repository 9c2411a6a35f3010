import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { seal, unseal } from '../../../shared/seal';

/**
 * What the resumed call needs to know about its wait. It is kept in the execution's custom data
 * (execution-scoped, saved with the waiting execution, and not in workflow static data, which a
 * queue-mode worker's save replaces), sealed under a key that only the resume URL carries, so
 * neither the database nor the executions list reveals the subscription's signing secret.
 */
export interface WaitState {
	/** The subscription listening for the reply, and its signing secret (Reply only). */
	subscription?: { id: string; secret: string };
	/** The sent message: the reply must come in its chat. */
	messageId: string | null;
	chatId: string | null;
	line: string | null;
	/** Set when the message went to one handle: only that handle's answer counts. */
	sender: string | null;
}

/** The resume URL's query parameter that carries the seal key. */
export const KEY_PARAM = 'linq_key';

type CustomDataContext = IExecuteFunctions | IWebhookFunctions;

interface CustomData {
	set(key: string, value: string): void;
	get(key: string): unknown;
}

/** Custom data keys allow letters, digits and underscores, up to 50 characters. */
function customDataKey(ctx: CustomDataContext, kind: 'wait' | 'seal'): string {
	return `linq_${kind}_${ctx.getNode().id.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 50);
}

/**
 * n8n 2.41 gives nodes `customData`; n8n 2.8 only the `$execution.customData` expression, which
 * reaches the same execution metadata (docs/design.md, issue 17).
 */
function customData(ctx: CustomDataContext): CustomData {
	let direct: CustomData | undefined;
	try {
		direct = (ctx as { customData?: CustomData }).customData;
	} catch {
		direct = undefined;
	}
	if (direct && typeof direct.get === 'function') return direct;
	return {
		set(key, value) {
			ctx.evaluateExpression(
				`{{ $execution.customData.set(${JSON.stringify(key)}, ${JSON.stringify(value)}) }}`,
				0,
			);
		},
		get(key) {
			return ctx.evaluateExpression(`{{ $execution.customData.get(${JSON.stringify(key)}) }}`, 0);
		},
	};
}

/**
 * Two entries, each short: n8n logs an error for a custom data value over 255 characters and
 * cuts it at 512. The message's ids stay readable; the subscription's id and secret are sealed.
 */
interface StoredIds {
	m: string | null;
	c: string | null;
	l: string | null;
	f: string | null;
}

interface StoredSubscription {
	i: string;
	s: string;
}

function isNullableString(value: unknown): value is string | null {
	return value === null || typeof value === 'string';
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
	if (text === undefined) return undefined;
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * Stores the state; a subscription is sealed under `key`. False when n8n did not keep it:
 * custom data holds at most 10 entries per execution.
 */
export function saveWaitState(ctx: IExecuteFunctions, state: WaitState, key?: string): boolean {
	const data = customData(ctx);
	const entries: Array<[string, string]> = [];
	const ids: StoredIds = { m: state.messageId, c: state.chatId, l: state.line, f: state.sender };
	entries.push([customDataKey(ctx, 'wait'), JSON.stringify(ids)]);
	if (state.subscription) {
		const sealed: StoredSubscription = { i: state.subscription.id, s: state.subscription.secret };
		entries.push([customDataKey(ctx, 'seal'), seal(JSON.stringify(sealed), key ?? '')]);
	}
	for (const [name, value] of entries) data.set(name, value);
	return entries.every(([name, value]) => data.get(name) === value);
}

/**
 * The state the execution holds for this node. With `withSubscription`, only when `key` opens
 * the sealed subscription: a reply wait's calls must prove they know the key.
 */
export function loadWaitState(
	ctx: IWebhookFunctions,
	withSubscription: boolean,
	key: unknown,
): WaitState | undefined {
	let data: CustomData;
	try {
		data = customData(ctx);
		const idsText = data.get(customDataKey(ctx, 'wait'));
		const ids = parseObject(typeof idsText === 'string' ? idsText : undefined);
		if (!ids || ![ids.m, ids.c, ids.l, ids.f].every(isNullableString)) return undefined;
		const state: WaitState = {
			messageId: ids.m as string | null,
			chatId: ids.c as string | null,
			line: ids.l as string | null,
			sender: ids.f as string | null,
		};
		if (!withSubscription) return state;
		const sealed = parseObject(unseal(data.get(customDataKey(ctx, 'seal')), key));
		if (!sealed || typeof sealed.i !== 'string' || typeof sealed.s !== 'string') return undefined;
		state.subscription = { id: sealed.i, secret: sealed.s };
		return state;
	} catch {
		return undefined;
	}
}
