'use strict';
const { ObservableObject } = require('n8n-workflow');
const {
	DEDUPE_WINDOW_SECONDS,
	KEY_CHARS,
	MAX_KEYS,
	MAX_STATE_BYTES,
	checkAndRemember,
	createDedupeState,
	dedupeKeyCount,
	dedupeStateFrom,
	mergeDedupeState,
	readSavedState,
	savedDedupeState,
} = require('../../nodes/shared/delivery/dedupe');

/** The state as it comes back from static data: saved, JSON round trip, read. */
function reloaded(state) {
	return dedupeStateFrom(readSavedState(JSON.parse(JSON.stringify(savedDedupeState(state)))));
}

function savedBytes(state) {
	return Buffer.byteLength(JSON.stringify(savedDedupeState(state)));
}

const { eventKeys } = require('../../nodes/shared/delivery/parseEvent');

const T0 = 1_795_000_000;

test('the keys are the signed webhook-id and the event_id, else a hash of the body', () => {
	const event = { event_type: 'message.received', event_id: 'evt_1', data: {} };
	const body = Buffer.from('{"event_type":"message.received"}');
	expect(eventKeys(event, 'msg_1', body)).toEqual(['msg_1', 'evt_1']);
	expect(eventKeys(event, undefined, body)).toEqual(['evt_1']);
	const bodyKey = eventKeys({ event_type: 'message.received', data: {} }, undefined, body);
	expect(bodyKey).toEqual([expect.stringMatching(/^body:[\w-]{43}$/)]);
	expect(eventKeys({ event_type: 'message.received', data: {} }, 'msg_1', body)).toEqual([
		'msg_1',
		bodyKey[0],
	]);
	expect(
		eventKeys({ event_type: 'message.received', data: {} }, undefined, Buffer.from('{}')),
	).not.toEqual(bodyKey);
});

function uuid(n) {
	return `8b6c1f0e-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

test('a new key is remembered; the same key again is a duplicate', () => {
	const state = createDedupeState();
	expect(checkAndRemember(state, ['msg_1'], T0)).toBe(false);
	expect(checkAndRemember(state, ['msg_1'], T0 + 1)).toBe(true);
	expect(checkAndRemember(state, ['msg_2'], T0 + 2)).toBe(false);
});

test('keys given together are each remembered', () => {
	const state = createDedupeState();
	expect(checkAndRemember(state, ['msg_1', 'evt_1'], T0)).toBe(false);
	expect(checkAndRemember(state, ['evt_1'], T0 + 60)).toBe(true);
	expect(checkAndRemember(state, ['msg_1'], T0 + 60)).toBe(true);
});

test('an event without keys is never called a duplicate and stores nothing', () => {
	const state = createDedupeState();
	expect(checkAndRemember(state, [], T0)).toBe(false);
	expect(checkAndRemember(state, [], T0)).toBe(false);
	expect(dedupeKeyCount(state)).toBe(0);
});

test('keys are remembered for at least 30 minutes, and forgotten once the window is long past', () => {
	const state = createDedupeState();
	checkAndRemember(state, ['msg_early'], T0);
	// Traffic every 10 seconds for just under 30 minutes.
	for (let t = 10; t < DEDUPE_WINDOW_SECONDS; t += 10)
		checkAndRemember(state, [`other_${t}`], T0 + t);
	expect(checkAndRemember(state, ['msg_early'], T0 + DEDUPE_WINDOW_SECONDS - 1)).toBe(true);

	const later = createDedupeState();
	checkAndRemember(later, ['msg_old'], T0);
	checkAndRemember(later, ['msg_new'], T0 + 45 * 60);
	expect(checkAndRemember(later, ['msg_old'], T0 + 45 * 60 + 1)).toBe(false);
});

test('the state survives the JSON round trip n8n puts static data through', () => {
	const state = createDedupeState();
	checkAndRemember(state, ['msg_1'], T0);
	expect(checkAndRemember(reloaded(state), ['msg_1'], T0 + 5)).toBe(true);
});

test('static data holds one string per generation, which n8n does not walk key by key', () => {
	const state = createDedupeState();
	for (let n = 0; n < 3_000; n++) checkAndRemember(state, [uuid(n)], T0);
	const saved = savedDedupeState(state);
	expect(saved).toEqual({ v: 3, g: [{ s: T0, k: expect.any(String) }] });
	expect(saved.g[0].k).toHaveLength(3_000 * KEY_CHARS);
	// n8n's change tracking wraps every object and array inside static data: here three.
	let wrapped = 0;
	const count = (value) => {
		if (typeof value !== 'object' || value === null) return;
		wrapped += 1;
		for (const key of Object.keys(value)) count(value[key]);
	};
	const observed = ObservableObject.create({ dedupe: JSON.parse(JSON.stringify(saved)) });
	count(observed.dedupe);
	expect(wrapped).toBe(3);
});

test('the shape saved before (version 2, one array per generation) is read once and written packed', () => {
	const digests = (from, count) =>
		Array.from({ length: count }, (_, n) => `${String(from + n).padStart(KEY_CHARS, 'k')}`);
	const old = {
		v: 2,
		g: [
			{ s: T0, k: digests(0, 3) },
			{ s: T0 + 600, k: digests(3, 2) },
		],
	};
	const state = dedupeStateFrom(readSavedState(old));
	expect(dedupeKeyCount(state)).toBe(5);
	expect(savedDedupeState(state)).toEqual({
		v: 3,
		g: [
			{ s: T0, k: digests(0, 3).join('') },
			{ s: T0 + 600, k: digests(3, 2).join('') },
		],
	});
	// A key remembered under version 2 is still a duplicate.
	const migrated = createDedupeState();
	checkAndRemember(migrated, ['msg_old'], T0);
	const version2 = {
		v: 2,
		g: savedDedupeState(migrated).g.map(({ s, k }) => ({ s, k: k.match(/.{12}/g) })),
	};
	expect(checkAndRemember(dedupeStateFrom(readSavedState(version2)), ['msg_old'], T0 + 1)).toBe(
		true,
	);
});

test('unreadable state in static data starts afresh instead of failing', () => {
	for (const junk of [
		undefined,
		null,
		'x',
		[],
		{ v: 1, g: [] },
		{ v: 2, g: [{ s: 'a' }] },
		{ v: 2, g: [{ s: 1, k: {} }] },
		{ v: 2, g: new Array(9).fill({ s: 1, k: [] }) },
		{ v: 3, g: [{ s: 1, k: 'x'.repeat(KEY_CHARS + 1) }] },
		{ v: 3, g: [{ s: 1, k: ['abcdefghijkl'] }] },
		{ v: 3, g: [{ s: 1, k: 'k'.repeat(KEY_CHARS * 4_097) }] },
	]) {
		expect(readSavedState(junk)).toEqual({ v: 3, g: [] });
	}
});

test('100,000 distinct events leave the state under its documented bounds', () => {
	const state = createDedupeState();
	// 100,000 events within 100 seconds: far more than the window can hold by count.
	let duplicates = 0;
	for (let n = 0; n < 100_000; n++) {
		if (checkAndRemember(state, [uuid(n)], T0 + Math.floor(n / 1000))) duplicates++;
	}
	expect(duplicates).toBe(0);
	expect(dedupeKeyCount(state)).toBeLessThanOrEqual(MAX_KEYS);
	expect(savedBytes(state)).toBeLessThanOrEqual(MAX_STATE_BYTES);
	expect(MAX_STATE_BYTES).toBeLessThan(300 * 1024);
});

test('100,000 events spread over two days also stay bounded, and old generations are dropped by time', () => {
	const state = createDedupeState();
	for (let n = 0; n < 100_000; n++)
		checkAndRemember(state, [uuid(n), `msg_${n}`], T0 + Math.floor(n * 1.728));
	expect(dedupeKeyCount(state)).toBeLessThanOrEqual(MAX_KEYS);
	expect(savedBytes(state)).toBeLessThanOrEqual(MAX_STATE_BYTES);
	const oldest = Math.min(...savedDedupeState(state).g.map((generation) => generation.s));
	expect(T0 + Math.floor(99_999 * 1.728) - oldest).toBeLessThanOrEqual(
		DEDUPE_WINDOW_SECONDS + 10 * 60,
	);
});

test('a duplicate within the window is still caught after 12,000 other events (the count guarantee is 12,288)', () => {
	const state = createDedupeState();
	checkAndRemember(state, ['msg_retry_me'], T0);
	for (let n = 0; n < 12_000; n++) checkAndRemember(state, [uuid(n)], T0 + Math.floor(n / 10));
	expect(checkAndRemember(state, ['msg_retry_me'], T0 + 1_200)).toBe(true);
});

describe('merging a saved copy into a live state', () => {
	function stateWith(keys, at) {
		const state = createDedupeState();
		keys.forEach((key, n) => checkAndRemember(state, [key], at(n)));
		return state;
	}

	test('keeps the keys of both, in the same and in different generations', () => {
		const ours = stateWith(
			Array.from({ length: 1_000 }, (_, n) => `ours_${n}`),
			(n) => T0 + Math.floor(n / 2),
		);
		const theirs = stateWith(
			Array.from({ length: 1_000 }, (_, n) => `theirs_${n}`),
			(n) => T0 + 1 + Math.floor(n / 2),
		);
		checkAndRemember(theirs, ['theirs_later'], T0 + 700);
		const saved = savedDedupeState(theirs);
		saved.g[0].s = T0;
		mergeDedupeState(ours, saved, T0 + 800);
		expect(dedupeKeyCount(ours)).toBe(2_001);
		for (const key of ['ours_0', 'ours_999', 'theirs_0', 'theirs_999', 'theirs_later']) {
			expect(checkAndRemember(ours, [key], T0 + 801)).toBe(true);
		}
		expect(savedDedupeState(ours).g.map((generation) => generation.s)).toEqual([T0, T0 + 700]);
	});

	test('an earlier snapshot of the same state adds nothing and leaves it as it was', () => {
		const state = stateWith(['a', 'b'], (n) => T0 + n);
		const snapshot = JSON.parse(JSON.stringify(savedDedupeState(state)));
		checkAndRemember(state, ['c'], T0 + 5);
		const before = JSON.stringify(savedDedupeState(state));
		mergeDedupeState(state, snapshot, T0 + 6);
		expect(JSON.stringify(savedDedupeState(state))).toBe(before);
	});

	test('a copy of the same generation is read whenever it is not the start of ours', () => {
		// Same start, same length, other keys: another process's generation of that second.
		const ours = stateWith(['a', 'b'], () => T0);
		const other = stateWith(['c', 'd'], () => T0);
		mergeDedupeState(ours, savedDedupeState(other), T0 + 1);
		expect(checkAndRemember(ours, ['c'], T0 + 2)).toBe(true);
		expect(checkAndRemember(ours, ['d'], T0 + 2)).toBe(true);
		// Longer than ours and starting with ours: what another process saved after loading ours.
		const base = stateWith(['e'], () => T0);
		const grown = dedupeStateFrom(readSavedState(savedDedupeState(base)));
		checkAndRemember(grown, ['f'], T0 + 1);
		mergeDedupeState(base, savedDedupeState(grown), T0 + 2);
		expect(checkAndRemember(base, ['f'], T0 + 3)).toBe(true);
		expect(dedupeKeyCount(base)).toBe(2);
	});

	test('a saved copy keeps what it held when the live state grows on', () => {
		const state = stateWith(['a'], () => T0);
		const saved = savedDedupeState(state);
		checkAndRemember(state, ['b'], T0 + 1);
		expect(saved.g[0].k).toHaveLength(KEY_CHARS);
	});

	test('expired generations of either side are dropped', () => {
		const old = stateWith(['old'], () => T0);
		const recent = stateWith(['recent'], () => T0 + 45 * 60);
		mergeDedupeState(recent, savedDedupeState(old), T0 + 45 * 60 + 1);
		expect(checkAndRemember(recent, ['old'], T0 + 45 * 60 + 2)).toBe(false);
		expect(checkAndRemember(recent, ['recent'], T0 + 45 * 60 + 2)).toBe(true);
	});

	test('two full states of 100,000 events each merge within the documented bounds', () => {
		const ours = stateWith(
			Array.from({ length: 100_000 }, (_, n) => uuid(n)),
			(n) => T0 + Math.floor(n / 50),
		);
		const theirs = stateWith(
			Array.from({ length: 100_000 }, (_, n) => `other_${n}`),
			(n) => T0 + 7 + Math.floor(n / 50),
		);
		mergeDedupeState(ours, savedDedupeState(theirs), T0 + 2_010);
		expect(savedDedupeState(ours).g.length).toBeLessThanOrEqual(4);
		expect(dedupeKeyCount(ours)).toBeLessThanOrEqual(MAX_KEYS);
		expect(savedBytes(ours)).toBeLessThanOrEqual(MAX_STATE_BYTES);
		expect(checkAndRemember(ours, ['other_99999'], T0 + 2_011)).toBe(true);
		expect(checkAndRemember(ours, [uuid(99_999)], T0 + 2_011)).toBe(true);
	});
});
