import { hash } from 'crypto';
import type { IDataObject, IWorkflowMetadata } from 'n8n-workflow';

/*
 * Which events a trigger has already let through, so a redelivery starts nothing. Everything
 * about it lives here; callers name whose events (a DedupeScope) and ask seenBefore(), then
 * writeDedupeState() for an event they emit. docs/design.md explains the n8n behaviour behind it
 * ("Static data: who loads it, who saves it" and "The dedupe state: its shape and when it is
 * written").
 *
 * Bounds. Linq retries a failed delivery for about 25 minutes, so every key is remembered for at
 * least 30 minutes. Keys are stored as 12-character digests (72 bits of SHA-256) in generations
 * of at most 10 minutes and 4,096 keys; a generation is dropped whole once its newest possible
 * key is 30 minutes old, or when a fifth is needed. So at most 16,384 keys (MAX_KEYS) are kept,
 * and under heavy traffic a key lasts 30 minutes or 12,288 newer keys, whichever comes first.
 *
 * Shape. In static data each generation is its start and its digests concatenated into one
 * string ({ v: 3, g: [{ s, k }] }): n8n wraps static data in change-tracking proxies on every
 * call and walks every array element and object it holds, but not the inside of a string. In
 * memory each generation also has a Set of its digests, built once per generation.
 *
 * Live states. Each n8n process keeps one state per scope for its whole life, shared by every
 * call: the check is synchronous, so within a process a key is let through once. Every call
 * merges the copy of static data n8n loaded for it into the live state before deciding, and
 * writeDedupeState writes the whole live state back, so what one process saves holds the union of
 * what it loaded and what it saw, and repairs a copy another process saved without it.
 */
export const DEDUPE_WINDOW_SECONDS = 30 * 60;
export const GENERATION_SECONDS = 10 * 60;
export const MAX_GENERATIONS = 4;
export const KEYS_PER_GENERATION = 4_096;
export const MAX_KEYS = MAX_GENERATIONS * KEYS_PER_GENERATION;
export const KEY_CHARS = 12;
/** The digests, plus the frame of each generation and of the state. */
export const MAX_STATE_BYTES = MAX_KEYS * KEY_CHARS + MAX_GENERATIONS * 32 + 32;
/** Live states kept per process, least recently used dropped first. */
export const MAX_LIVE_STATES = 1_000;

/** One generation as static data holds it. */
export interface SavedGeneration extends IDataObject {
	/** Start, in Unix seconds. */
	s: number;
	/** Key digests, KEY_CHARS each, concatenated, oldest first. */
	k: string;
}

export interface SavedDedupeState extends IDataObject {
	v: 3;
	g: SavedGeneration[];
}

interface Generation {
	start: number;
	packed: string;
	keys: Set<string>;
	/** The last copy from elsewhere merged into this generation, so the same copy is not read twice. */
	merged: string;
}

export interface DedupeState {
	generations: Generation[];
}

export function createDedupeState(): DedupeState {
	return { generations: [] };
}

function digest(key: string): string {
	return hash('sha256', key, 'base64url').slice(0, KEY_CHARS);
}

function digestsOf(packed: string): Set<string> {
	const keys = new Set<string>();
	for (let at = 0; at < packed.length; at += KEY_CHARS) keys.add(packed.slice(at, at + KEY_CHARS));
	return keys;
}

function generationFrom(start: number, packed: string): Generation {
	return { start, packed, keys: digestsOf(packed), merged: '' };
}

function isSavedGeneration(value: unknown): value is SavedGeneration {
	const generation = value as SavedGeneration | null;
	return (
		typeof generation === 'object' &&
		generation !== null &&
		typeof generation.s === 'number' &&
		typeof generation.k === 'string' &&
		generation.k.length % KEY_CHARS === 0 &&
		generation.k.length <= KEYS_PER_GENERATION * KEY_CHARS
	);
}

/** The shape saved before version 3: each generation's digests as an array. */
function migrateArrays(value: unknown): SavedGeneration | undefined {
	const generation = value as { s?: unknown; k?: unknown } | null;
	if (
		typeof generation !== 'object' ||
		generation === null ||
		typeof generation.s !== 'number' ||
		!Array.isArray(generation.k) ||
		generation.k.length > KEYS_PER_GENERATION
	) {
		return undefined;
	}
	const digests = generation.k.filter(
		(key): key is string => typeof key === 'string' && key.length === KEY_CHARS,
	);
	return { s: generation.s, k: digests.join('') };
}

/**
 * The saved state found in static data: version 3 as it is, version 2 (arrays) converted once,
 * anything else (missing, damaged, not ours) as an empty state.
 */
export function readSavedState(value: unknown): SavedDedupeState {
	const state = value as { v?: unknown; g?: unknown } | null;
	if (typeof state !== 'object' || state === null || !Array.isArray(state.g)) {
		return { v: 3, g: [] };
	}
	if (state.g.length > MAX_GENERATIONS) return { v: 3, g: [] };
	if (state.v === 3 && state.g.every(isSavedGeneration)) return { v: 3, g: state.g };
	if (state.v === 2) {
		const migrated = state.g.map(migrateArrays);
		if (migrated.every((generation) => generation !== undefined)) {
			return { v: 3, g: migrated as SavedGeneration[] };
		}
	}
	return { v: 3, g: [] };
}

/** A live state seeded from a saved one. */
export function dedupeStateFrom(saved: SavedDedupeState): DedupeState {
	return {
		generations: saved.g.map((generation) => generationFrom(generation.s, generation.k)),
	};
}

/** What static data gets: strings are immutable, so nothing is copied. */
export function savedDedupeState(state: DedupeState): SavedDedupeState {
	return {
		v: 3,
		g: state.generations.map((generation) => ({ s: generation.start, k: generation.packed })),
	};
}

function dropExpired(state: DedupeState, nowSeconds: number): void {
	const oldestKept = nowSeconds - DEDUPE_WINDOW_SECONDS - GENERATION_SECONDS;
	while (state.generations.length > 0 && state.generations[0].start <= oldestKept) {
		state.generations.shift();
	}
}

function currentGeneration(state: DedupeState, nowSeconds: number): Generation {
	const last = state.generations[state.generations.length - 1];
	if (
		last &&
		nowSeconds - last.start < GENERATION_SECONDS &&
		last.keys.size < KEYS_PER_GENERATION
	) {
		return last;
	}
	const fresh = generationFrom(nowSeconds, '');
	state.generations.push(fresh);
	while (state.generations.length > MAX_GENERATIONS) state.generations.shift();
	return fresh;
}

function add(generation: Generation, key: string): void {
	generation.keys.add(key);
	generation.packed += key;
}

/**
 * True if any of `keys` was seen before. Otherwise remembers them and returns false.
 * An event without keys cannot be recognised again and is never called a duplicate.
 */
export function checkAndRemember(
	state: DedupeState,
	keys: readonly string[],
	nowSeconds: number,
): boolean {
	if (keys.length === 0) return false;
	dropExpired(state, nowSeconds);
	const digests = keys.map(digest);
	for (const generation of state.generations) {
		for (const key of digests) {
			if (generation.keys.has(key)) return true;
		}
	}
	for (const key of digests) {
		const generation = currentGeneration(state, nowSeconds);
		if (!generation.keys.has(key)) add(generation, key);
	}
	return false;
}

export function dedupeKeyCount(state: DedupeState): number {
	return state.generations.reduce((total, generation) => total + generation.keys.size, 0);
}

/**
 * `prefix` is the start of `packed`. Compared with ===, which V8 does as one memory compare:
 * startsWith walks character by character, about 40 times slower on a full generation (49 KB),
 * and this runs for every generation twice per delivery.
 */
function isPrefix(prefix: string, packed: string): boolean {
	return prefix.length <= packed.length && packed.slice(0, prefix.length) === prefix;
}

/**
 * Adds to `into` the keys of `from` it lacks, generation by generation (same start = same
 * generation), then applies the time and size bounds. A saved generation that `into` has already
 * grown past (its string is a prefix of ours) or merged before is skipped without reading it.
 */
export function mergeDedupeState(
	into: DedupeState,
	from: SavedDedupeState,
	nowSeconds: number,
): void {
	for (const other of from.g) {
		const own = into.generations.find((generation) => generation.start === other.s);
		if (own === undefined) {
			into.generations.push(generationFrom(other.s, other.k));
			continue;
		}
		if (own.merged === other.k || isPrefix(other.k, own.packed)) continue;
		for (let at = 0; at < other.k.length; at += KEY_CHARS) {
			if (own.keys.size >= KEYS_PER_GENERATION) break;
			const key = other.k.slice(at, at + KEY_CHARS);
			if (!own.keys.has(key)) add(own, key);
		}
		own.merged = other.k;
	}
	into.generations.sort((a, b) => a.start - b.start);
	dropExpired(into, nowSeconds);
	while (into.generations.length > MAX_GENERATIONS) into.generations.shift();
}

/** The parts of an n8n context (webhook, hook or execute) that say whose events these are. */
export interface DedupeOwner {
	getWorkflow(): IWorkflowMetadata;
	getNode(): { id: string };
	getMode(): string;
}

/**
 * Whose events one live state remembers: one node of one workflow, in test or production runs,
 * verified with the secrets of these subscriptions. A recreated subscription is a new scope.
 */
export interface DedupeScope {
	workflowId: string;
	nodeId: string;
	test: boolean;
	subscriptions: readonly string[];
}

export function dedupeScope(owner: DedupeOwner, subscriptions: readonly string[]): DedupeScope {
	return {
		workflowId: owner.getWorkflow().id ?? '',
		nodeId: owner.getNode().id,
		test: owner.getMode() === 'manual',
		subscriptions: subscriptions.slice().sort(),
	};
}

interface LiveState {
	scope: DedupeScope;
	state: DedupeState;
}

/**
 * A scope as a Map key: Maps compare objects by identity, so value-equal scopes need one string.
 * JSON of the fields cannot confuse two scopes, whatever the ids contain.
 */
export function scopeKey(scope: DedupeScope): string {
	return JSON.stringify([scope.workflowId, scope.nodeId, scope.test, scope.subscriptions]);
}

const liveStates = new Map<string, LiveState>();

function liveState(scope: DedupeScope, staticData: IDataObject, nowSeconds: number): DedupeState {
	const key = scopeKey(scope);
	const saved = readSavedState(staticData.dedupe);
	let live = liveStates.get(key);
	if (live === undefined) {
		live = { scope, state: dedupeStateFrom(saved) };
	} else {
		liveStates.delete(key);
		mergeDedupeState(live.state, saved, nowSeconds);
	}
	liveStates.set(key, live);
	for (const oldest of liveStates.keys()) {
		if (liveStates.size <= MAX_LIVE_STATES) break;
		liveStates.delete(oldest);
	}
	return live.state;
}

/**
 * True if any of `keys` was seen before, by this process or in the static data copy the call
 * loaded; otherwise the keys are remembered in the live state (not yet in static data).
 */
export function seenBefore(
	scope: DedupeScope,
	staticData: IDataObject,
	keys: readonly string[],
	nowSeconds: number,
): boolean {
	return checkAndRemember(liveState(scope, staticData, nowSeconds), keys, nowSeconds);
}

/**
 * Writes the live state into static data: the union of every copy this process loaded, the keys
 * it saw itself and the new ones. Reassigning marks static data as changed, so n8n saves it.
 */
export function writeDedupeState(
	scope: DedupeScope,
	staticData: IDataObject,
	nowSeconds: number,
): void {
	staticData.dedupe = savedDedupeState(liveState(scope, staticData, nowSeconds));
}

function forgetWhere(matches: (scope: DedupeScope) => boolean): void {
	for (const [key, live] of liveStates) {
		if (matches(live.scope)) liveStates.delete(key);
	}
}

/** Drops the node's live states of the owner's kind (test or production), whatever their subscription. */
export function forgetDedupeStatesOfKind(owner: DedupeOwner): void {
	const { workflowId, nodeId, test } = dedupeScope(owner, []);
	forgetWhere(
		(scope) => scope.workflowId === workflowId && scope.nodeId === nodeId && scope.test === test,
	);
}

/** Drops the node's live states made for the subscription `id` (delete runs in mode "internal"). */
export function forgetDedupeStatesOfSubscription(owner: DedupeOwner, id: string): void {
	const { workflowId, nodeId } = dedupeScope(owner, []);
	forgetWhere(
		(scope) =>
			scope.workflowId === workflowId &&
			scope.nodeId === nodeId &&
			scope.subscriptions.includes(id),
	);
}

export function liveDedupeStateCount(): number {
	return liveStates.size;
}
