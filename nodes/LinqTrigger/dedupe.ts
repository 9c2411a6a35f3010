import { hash } from 'crypto';

/*
 * Linq delivers at least once and retries a failed delivery for about 25 minutes, so every
 * key is remembered for at least 30 minutes. The state lives in the workflow's static data,
 * which n8n loads and saves around every webhook call, so it must stay small and bounded
 * whatever the traffic:
 *
 * - Keys are stored as 12-character digests (72 bits of SHA-256), so one entry costs
 *   17 bytes of JSON however long Linq's ids are.
 * - Keys go into generations of at most 10 minutes and at most 4,096 keys. A generation is
 *   dropped whole once its newest possible key is 30 minutes old, or when a fifth generation
 *   is needed. No more than 4 generations exist, so the state never holds more than 16,384
 *   keys (MAX_KEYS) and its JSON never exceeds MAX_STATE_BYTES (about 280 KB).
 * - Under heavy traffic the count limit wins: a key is then kept for 30 minutes or until
 *   12,288 newer keys arrived, whichever comes first (about 6 events a second for 30 minutes).
 *
 * Lookups and inserts touch at most 4 hash maps, so each event costs the same at any size.
 */
export const DEDUPE_WINDOW_SECONDS = 30 * 60;
export const GENERATION_SECONDS = 10 * 60;
export const MAX_GENERATIONS = 4;
export const KEYS_PER_GENERATION = 4_096;
export const MAX_KEYS = MAX_GENERATIONS * KEYS_PER_GENERATION;
const KEY_CHARS = 12;
/** `"<12 chars>":1,` per key, plus the frame of each generation and of the state. */
export const MAX_STATE_BYTES = MAX_KEYS * (KEY_CHARS + 5) + MAX_GENERATIONS * 48 + 32;

interface Generation {
	/** Start, in Unix seconds. */
	s: number;
	/** Keys held. */
	n: number;
	k: Record<string, 1>;
}

export interface DedupeState {
	v: 1;
	g: Generation[];
}

export function createDedupeState(): DedupeState {
	return { v: 1, g: [] };
}

function isGeneration(value: unknown): value is Generation {
	const generation = value as Generation | null;
	return (
		typeof generation === 'object' &&
		generation !== null &&
		typeof generation.s === 'number' &&
		typeof generation.n === 'number' &&
		typeof generation.k === 'object' &&
		generation.k !== null
	);
}

/** Takes the state found in static data, or starts afresh if it is missing or not ours. */
export function readDedupeState(value: unknown): DedupeState {
	const state = value as DedupeState | null;
	if (
		typeof state === 'object' &&
		state !== null &&
		state.v === 1 &&
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
	if (last && nowSeconds - last.s < GENERATION_SECONDS && last.n < KEYS_PER_GENERATION) {
		return last;
	}
	const fresh: Generation = { s: nowSeconds, n: 0, k: {} };
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
		for (const key of digests) {
			if (generation.k[key] === 1) return true;
		}
	}
	for (const key of digests) {
		const generation = currentGeneration(state, nowSeconds);
		if (generation.k[key] !== 1) {
			generation.k[key] = 1;
			generation.n++;
		}
	}
	return false;
}

export function dedupeKeyCount(state: DedupeState): number {
	return state.g.reduce((total, generation) => total + generation.n, 0);
}
