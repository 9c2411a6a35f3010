import type { IDataObject, IWorkflowMetadata } from 'n8n-workflow';

import {
	checkAndRemember,
	copyDedupeState,
	mergeDedupeState,
	readDedupeState,
	type DedupeState,
} from './dedupe';

/*
 * The dedupe state every call in this n8n process shares. n8n gives each webhook call and each
 * execution its own copy of the workflow's static data and saves each copy whole, so two calls
 * in flight together would each miss what the other recorded, and the later save would drop
 * the earlier one's keys. One live state per trigger registration, kept here for the life of
 * the process, closes that gap: checkAndRemember is synchronous, so within one process an
 * event is let through once.
 *
 * Static data carries the state across restarts and between processes: every call merges what
 * its copy holds into the live state before deciding, and a call that starts an execution
 * writes the live state back (writeDedupeState). After a restart the first call seeds the live
 * state from the saved copy. Several n8n processes (queue mode: main and webhook processes)
 * each have their own live state and meet only through static data.
 *
 * A registration is the workflow, the node, test or production, and the Linq subscription(s)
 * it was made for: a recreated subscription starts a new entry, and creating one drops the
 * entries of its kind. Deleting a subscription drops the entries made for it (n8n runs the
 * delete hook in mode "internal" for test and production alike, so the subscription id, not the
 * mode, says which). At most MAX_LIVE_STATES entries are kept (least recently used dropped
 * first), so many short test listens cannot make the map grow without bound.
 */
export const MAX_LIVE_STATES = 1_000;

/** The parts of an n8n context (webhook, hook or execute) that name a registration. */
export interface DedupeOwner {
	getWorkflow(): IWorkflowMetadata;
	getNode(): { id: string };
	getMode(): string;
}

const liveStates = new Map<string, DedupeState>();

function nodePrefix(owner: DedupeOwner): string {
	return `${owner.getWorkflow().id ?? ''}\n${owner.getNode().id}\n`;
}

function ownerPrefix(owner: DedupeOwner): string {
	return `${nodePrefix(owner)}${owner.getMode() === 'manual' ? 'test' : 'production'}\n`;
}

/**
 * The live state of the owner's registration, with the keys of the static data copy merged
 * in; seeded from static data when this process has none yet.
 */
function liveDedupeState(
	owner: DedupeOwner,
	registration: string,
	staticData: IDataObject,
	nowSeconds: number,
): DedupeState {
	const key = ownerPrefix(owner) + registration;
	const stored = readDedupeState(staticData.dedupe);
	let state = liveStates.get(key);
	if (state === undefined) {
		state = copyDedupeState(stored);
	} else {
		liveStates.delete(key);
		mergeDedupeState(state, stored, nowSeconds);
	}
	liveStates.set(key, state);
	for (const oldest of liveStates.keys()) {
		if (liveStates.size <= MAX_LIVE_STATES) break;
		liveStates.delete(oldest);
	}
	return state;
}

/**
 * True if any of `keys` was seen before, by this process or in the static data copy the call
 * loaded; otherwise the keys are remembered in the live state (not yet in static data).
 */
export function seenBefore(
	owner: DedupeOwner,
	registration: string,
	staticData: IDataObject,
	keys: readonly string[],
	nowSeconds: number,
): boolean {
	return checkAndRemember(
		liveDedupeState(owner, registration, staticData, nowSeconds),
		keys,
		nowSeconds,
	);
}

/**
 * Writes the live state into static data: the union of every copy this process loaded (this
 * call's included), the keys it remembered itself, and the new ones, so a stale copy another
 * process saved is repaired by the next write. The copy shares no arrays with the live state:
 * n8n wraps and saves static data on its own schedule. Reassigning marks static data as
 * changed, so n8n saves it (docs/design.md, "Static data: who loads it, who saves it").
 */
export function writeDedupeState(
	owner: DedupeOwner,
	registration: string,
	staticData: IDataObject,
	nowSeconds: number,
): void {
	staticData.dedupe = copyDedupeState(liveDedupeState(owner, registration, staticData, nowSeconds));
}

function forgetWhere(prefix: string, registrationMatches: (registration: string) => boolean): void {
	for (const key of [...liveStates.keys()]) {
		if (key.startsWith(prefix) && registrationMatches(key.slice(key.lastIndexOf('\n') + 1))) {
			liveStates.delete(key);
		}
	}
}

/** Drops the live states of the owner's kind (test or production), whatever their subscription. */
export function forgetLiveDedupeStates(owner: DedupeOwner): void {
	forgetWhere(ownerPrefix(owner), () => true);
}

/** Drops the node's live states made for the subscription `id`. */
export function forgetLiveDedupeStatesOf(owner: DedupeOwner, id: string): void {
	forgetWhere(nodePrefix(owner), (registration) => registration.split(',').includes(id));
}

export function liveDedupeStateCount(): number {
	return liveStates.size;
}
