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
function customDataKey(ctx: CustomDataContext): string {
	return `linq_wait_${ctx.getNode().id.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 50);
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

/** Short keys: n8n keeps at most 512 characters of a custom data value. */
interface StoredState {
	s?: string;
	i?: string;
	m: string | null;
	c: string | null;
	l: string | null;
	f: string | null;
}

function toStored(state: WaitState): StoredState {
	const stored: StoredState = {
		m: state.messageId,
		c: state.chatId,
		l: state.line,
		f: state.sender,
	};
	if (state.subscription) {
		stored.s = state.subscription.secret;
		stored.i = state.subscription.id;
	}
	return stored;
}

function isNullableString(value: unknown): value is string | null {
	return value === null || typeof value === 'string';
}

function fromStored(text: string): WaitState | undefined {
	let stored: StoredState;
	try {
		stored = JSON.parse(text) as StoredState;
	} catch {
		return undefined;
	}
	if (
		typeof stored !== 'object' ||
		stored === null ||
		![stored.m, stored.c, stored.l, stored.f].every(isNullableString)
	) {
		return undefined;
	}
	const state: WaitState = {
		messageId: stored.m,
		chatId: stored.c,
		line: stored.l,
		sender: stored.f,
	};
	if (typeof stored.s === 'string' && typeof stored.i === 'string') {
		state.subscription = { id: stored.i, secret: stored.s };
	}
	return state;
}

/**
 * Stores the state, sealed under `key` when it holds a subscription (an approval wait holds
 * nothing secret and its links stay shorter without a key). False when n8n did not keep it:
 * custom data holds at most 10 entries per execution.
 */
export function saveWaitState(ctx: IExecuteFunctions, state: WaitState, key?: string): boolean {
	const data = customData(ctx);
	const name = customDataKey(ctx);
	const text = JSON.stringify(toStored(state));
	const value = state.subscription ? seal(text, key ?? '') : text;
	data.set(name, value);
	return data.get(name) === value;
}

/** The state the execution holds for this node; a sealed one only if `key` opens it. */
export function loadWaitState(ctx: IWebhookFunctions, key: unknown): WaitState | undefined {
	let stored: unknown;
	try {
		stored = customData(ctx).get(customDataKey(ctx));
	} catch {
		return undefined;
	}
	if (typeof stored !== 'string') return undefined;
	if (stored.startsWith('{')) {
		const plain = fromStored(stored);
		return plain && !plain.subscription ? plain : undefined;
	}
	const text = unseal(stored, key);
	const state = text === undefined ? undefined : fromStored(text);
	return state?.subscription ? state : undefined;
}
