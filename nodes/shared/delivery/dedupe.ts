import { hash } from 'crypto';

/*
 * Linq delivers at least once and retries a failed delivery for about 25 minutes, so every
 * key is remembered for at least 30 minutes. The state lives in the workflow's static data,
 * which n8n loads and saves around every webhook call, so it must stay small and bounded
 * whatever the traffic:
 *
 * - Keys are stored as 12-character digests (72 bits of SHA-256), so one entry costs
 *   15 bytes of JSON however long Linq's ids are.
 * - Keys go into generations of at most 10 minutes and at most 4,096 keys. A generation is
 *   dropped whole once its newest possible key is 30 minutes old, or when a fifth generation
 *   is needed. No more than 4 generations exist, so the state never holds more than 16,384
 *   keys (MAX_KEYS) and its JSON never exceeds MAX_STATE_BYTES (245,920 bytes).
 * - Under heavy traffic the count limit wins: a key is kept for 30 minutes or until 12,288
 *   newer events arrived, whichever comes first: the full 30 minutes are covered up to about
 *   6.8 events a second (one key per event).
 *
 * Generations are persisted as plain arrays (compact JSON) and looked up through a Set built
 * once per array and kept in a WeakMap, so a lookup or insert touches at most four hash sets
 * whatever the state's size.
 *
 * n8n hands every webhook call its own copy of static data and saves each copy whole, so keys
 * recorded by calls in flight together overwrite each other there. The state that decides is
 * therefore the live one in liveDedupe.ts, shared by every call in the n8n process; static data
 * only carries it across restarts, merged (mergeDedupeState) rather than overwritten. Merging
 * unites the keys of generations with the same start and keeps the newest MAX_GENERATIONS
 * generations, each capped at KEYS_PER_GENERATION keys, so a merged state keeps the bounds above.
 */
export const DEDUPE_WINDOW_SECONDS = 30 * 60;
export const GENERATION_SECONDS = 10 * 60;
export const MAX_GENERATIONS = 4;
export const KEYS_PER_GENERATION = 4_096;
export const MAX_KEYS = MAX_GENERATIONS * KEYS_PER_GENERATION;
const KEY_CHARS = 12;
/** `"<12 chars>",` per key, plus the frame of each generation and of the state. */
export const MAX_STATE_BYTES = MAX_KEYS * (KEY_CHARS + 3) + MAX_GENERATIONS * 32 + 32;

interface Generation {
	/** Start, in Unix seconds. */
	s: number;
	/** Key digests, oldest first. */
	k: string[];
}

export interface DedupeState {
	v: 2;
	g: Generation[];
}

export function createDedupeState(): DedupeState {
	return { v: 2, g: [] };
}

/** Lookup sets for the generation arrays of the states in use; garbage-collected with them. */
const indexes = new WeakMap<string[], Set<string>>();

function indexOf(generation: Generation): Set<string> {
	let index = indexes.get(generation.k);
	if (index === undefined || index.size !== generation.k.length) {
		index = new Set(generation.k);
		indexes.set(generation.k, index);
	}
	return index;
}

function isGeneration(value: unknown): value is Generation {
	const generation = value as Generation | null;
	return (
		typeof generation === 'object' &&
		generation !== null &&
		typeof generation.s === 'number' &&
		Array.isArray(generation.k) &&
		generation.k.length <= KEYS_PER_GENERATION
	);
}

/** Takes the state found in static data, or starts afresh if it is missing or not ours. */
export function readDedupeState(value: unknown): DedupeState {
	const state = value as DedupeState | null;
	if (
		typeof state === 'object' &&
		state !== null &&
		state.v === 2 &&
		Array.isArray(state.g) &&
		state.g.length <= MAX_GENERATIONS &&
		state.g.every(isGeneration)
	) {
		return state;
	}
	return createDedupeState();
}

function digest(key: string): string {
	return hash('sha256', key, 'base64url').slice(0, KEY_CHARS);
}

function dropExpired(state: DedupeState, nowSeconds: number): void {
	const oldestKept = nowSeconds - DEDUPE_WINDOW_SECONDS - GENERATION_SECONDS;
	while (state.g.length > 0 && state.g[0].s <= oldestKept) state.g.shift();
}

function currentGeneration(state: DedupeState, nowSeconds: number): Generation {
	const last = state.g[state.g.length - 1];
	if (last && nowSeconds - last.s < GENERATION_SECONDS && last.k.length < KEYS_PER_GENERATION) {
		return last;
	}
	const fresh: Generation = { s: nowSeconds, k: [] };
	state.g.push(fresh);
	while (state.g.length > MAX_GENERATIONS) state.g.shift();
	return fresh;
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
	for (const generation of state.g) {
		const index = indexOf(generation);
		for (const key of digests) {
			if (index.has(key)) return true;
		}
	}
	for (const key of digests) {
		const generation = currentGeneration(state, nowSeconds);
		const index = indexOf(generation);
		if (!index.has(key)) {
			generation.k.push(key);
			index.add(key);
		}
	}
	return false;
}

export function dedupeKeyCount(state: DedupeState): number {
	return state.g.reduce((total, generation) => total + generation.k.length, 0);
}

/**
 * Adds to `into` the keys of `from` it lacks, generation by generation (same start = same
 * generation), then applies the time and size bounds. A generation of `from` that is a prefix
 * of the same generation in `into` (a snapshot the live state has since grown past: length no
 * greater and the same key at its end) is skipped without building its set.
 */
export function mergeDedupeState(into: DedupeState, from: DedupeState, nowSeconds: number): void {
	for (const other of from.g) {
		const own = into.g.find((generation) => generation.s === other.s);
		if (own === undefined) {
			into.g.push({ s: other.s, k: other.k.slice(0, KEYS_PER_GENERATION) });
			continue;
		}
		const last = other.k.length - 1;
		if (other.k.length <= own.k.length && (last < 0 || own.k[last] === other.k[last])) continue;
		const index = indexOf(own);
		for (const key of other.k) {
			if (own.k.length >= KEYS_PER_GENERATION) break;
			if (!index.has(key)) {
				own.k.push(key);
				index.add(key);
			}
		}
	}
	into.g.sort((a, b) => a.s - b.s);
	dropExpired(into, nowSeconds);
	while (into.g.length > MAX_GENERATIONS) into.g.shift();
}

/** A copy that shares no arrays with `state`, for static data, which n8n may wrap or mutate. */
export function copyDedupeState(state: DedupeState): DedupeState {
	return { v: 2, g: state.g.map((generation) => ({ s: generation.s, k: [...generation.k] })) };
}
