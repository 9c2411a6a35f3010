/**
 * Benchmark 2: the Linq Trigger's per-event pipeline (verify → parse → dedupe → shape →
 * filter, the exported `receiveDelivery` from the built package) against the floor: a bare
 * Standard Webhooks HMAC check of the same bytes with node:crypto. Same process, same events,
 * interleaved in chunks of 500 events; the ratio is the median over rounds of total time
 * ours / floor. A second reference adds JSON.parse to the floor, which any receiver that hands
 * the event on has to pay. Also: how big the dedupe state gets after 10k and 100k events.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';

import { inboundStream } from './lib/signedStream.mjs';
import { median, round, verdict } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const dist = (file) => require(`../dist/nodes/shared/delivery/${file}.js`);

/** The events below carry an event_id, so their bytes never stand in for one. */
const NO_BODY = Buffer.alloc(0);
const SECRET = `whsec_${Buffer.from('bench-signing-secret-0123456789ab').toString('base64')}`;
const TARGET_RATIO = 3;
const CHUNK = 500;

/** The floor: what any receiver must do at the very least to trust a Standard Webhooks delivery. */
function bareVerify(headers, body, key) {
	const expected = createHmac('sha256', key)
		.update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.`)
		.update(body)
		.digest();
	const given = Buffer.from(headers['webhook-signature'].slice(3), 'base64');
	return given.length === expected.length && timingSafeEqual(expected, given);
}

/** The floor, plus reading the event: what any receiver that hands the event on must do. */
function verifyAndParse(headers, body, key) {
	return (
		bareVerify(headers, body, key) &&
		typeof JSON.parse(body.toString('utf8')).event_type === 'string'
	);
}

function timeFloor(deliveries, key, check = bareVerify) {
	let accepted = 0;
	const start = process.hrtime.bigint();
	for (const delivery of deliveries) if (check(delivery.headers, delivery.bytes, key)) accepted++;
	const elapsed = Number(process.hrtime.bigint() - start);
	if (accepted !== deliveries.length)
		throw new Error(`floor accepted ${accepted} of ${deliveries.length}`);
	return elapsed / deliveries.length;
}

function timePipeline(deliveries, { receiveDelivery }, dedupe, filter) {
	let emitted = 0;
	const start = process.hrtime.bigint();
	for (const delivery of deliveries) {
		const outcome = receiveDelivery({
			headers: delivery.headers,
			body: delivery.bytes,
			secrets: [SECRET],
			nowSeconds: Math.floor(Date.now() / 1000),
			dedupe,
			filter,
		});
		if (outcome.status === 200 && outcome.emit) emitted++;
	}
	const elapsed = Number(process.hrtime.bigint() - start);
	if (emitted !== deliveries.length)
		throw new Error(`pipeline emitted ${emitted} of ${deliveries.length}`);
	return elapsed / deliveries.length;
}

/** Feeds `total` distinct events through the dedupe step, `perSecond` a second on a simulated clock. */
function dedupeGrowth(
	{
		checkAndRemember,
		createDedupeState,
		dedupeKeyCount,
		savedDedupeState,
		MAX_KEYS,
		MAX_STATE_BYTES,
	},
	eventKeys,
	perSecond,
) {
	const state = createDedupeState();
	const start = 1_790_000_000;
	const samples = {};
	for (let index = 1; index <= 100_000; index++) {
		const now = start + Math.floor(index / perSecond);
		checkAndRemember(
			state,
			eventKeys({ event_id: `evt_${index}_${'x'.repeat(24)}` }, `msg_${index}_webhook`, NO_BODY),
			now,
		);
		if (index === 10_000 || index === 100_000) {
			samples[index] = {
				keys: dedupeKeyCount(state),
				jsonBytes: Buffer.byteLength(JSON.stringify(savedDedupeState(state))),
				generations: state.generations.length,
			};
		}
	}
	return {
		perSecond,
		after10k: samples[10_000],
		after100k: samples[100_000],
		maxKeys: MAX_KEYS,
		maxStateBytes: MAX_STATE_BYTES,
	};
}

/** What n8n itself adds per delivery once the state is full: serialising the static data to save it. */
function fullStateSerialisation(dedupeModule, eventKeys) {
	const state = dedupeModule.createDedupeState();
	const now = Math.floor(Date.now() / 1000);
	for (let index = 0; index < dedupeModule.MAX_KEYS; index++) {
		dedupeModule.checkAndRemember(
			state,
			eventKeys({ event_id: `evt_${index}` }, undefined, NO_BODY),
			now,
		);
	}
	const runs = [];
	for (let attempt = 0; attempt < 50; attempt++) {
		const start = process.hrtime.bigint();
		JSON.stringify({ dedupe: dedupeModule.savedDedupeState(state) });
		runs.push(Number(process.hrtime.bigint() - start));
	}
	return {
		keys: dedupeModule.dedupeKeyCount(state),
		jsonBytes: JSON.stringify(dedupeModule.savedDedupeState(state)).length,
		stringifyMicros: round(median(runs) / 1000, 1),
	};
}

export async function runPipelineBench({ quick = false, log = console.log } = {}) {
	const pipeline = dist('receiveDelivery');
	const dedupeModule = dist('dedupe');
	const { eventKeys } = dist('parseEvent');
	const filter = {
		events: new Set(['message.received']),
		includeOwnOutbound: false,
		allowedSenders: new Set(),
		lines: new Set(),
	};
	const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
	const perRound = quick ? 2_000 : 10_000;
	const rounds = quick ? 3 : 11;

	const dedupe = dedupeModule.createDedupeState();
	// Warm-up: both paths compiled and the dedupe state at its steady size before timing.
	for (let warm = 0; warm < 2; warm++) {
		const deliveries = prepare(inboundStream(SECRET, perRound));
		timeFloor(deliveries, key);
		timePipeline(deliveries, pipeline, dedupe, filter);
	}

	// Within a round, chunks are timed both ways back to back (the order flips every chunk), so
	// load from other processes on a shared machine hits both sides alike. A round's ratio is
	// its total time ours / floor, which charges the garbage collection our allocations cause
	// to us wherever the pause happens to land.
	const floorNs = [];
	const parseNs = [];
	const oursNs = [];
	const ratios = [];
	const parseRatios = [];
	for (let index = 0; index < rounds; index++) {
		const deliveries = prepare(inboundStream(SECRET, perRound));
		let floor = 0;
		let withParse = 0;
		let ours = 0;
		for (let offset = 0; offset < deliveries.length; offset += CHUNK) {
			const chunk = deliveries.slice(offset, offset + CHUNK);
			const share = chunk.length / deliveries.length;
			const steps = [
				() => (floor += timeFloor(chunk, key) * share),
				() => (withParse += timeFloor(chunk, key, verifyAndParse) * share),
				() => (ours += timePipeline(chunk, pipeline, dedupe, filter) * share),
			];
			const first = (offset / CHUNK + index) % steps.length;
			for (let step = 0; step < steps.length; step++) steps[(first + step) % steps.length]();
		}
		floorNs.push(floor);
		parseNs.push(withParse);
		oursNs.push(ours);
		ratios.push(ours / floor);
		parseRatios.push(ours / withParse);
	}

	const result = {
		eventsPerRound: perRound,
		rounds,
		bodyBytes: Buffer.byteLength(inboundStream(SECRET, 1)[0].body),
		floorMicrosPerEvent: round(median(floorNs) / 1000, 2),
		verifyAndParseMicrosPerEvent: round(median(parseNs) / 1000, 2),
		oursMicrosPerEvent: round(median(oursNs) / 1000, 2),
		ratioToVerifyAndParse: round(median(parseRatios), 2),
		ratio: round(median(ratios), 2),
		ratioRange: [round(Math.min(...ratios), 2), round(Math.max(...ratios), 2)],
		target: `<= ${TARGET_RATIO} x floor`,
		met: median(ratios) <= TARGET_RATIO,
		dedupeKeysAfterRounds: dedupeModule.dedupeKeyCount(dedupe),
		dedupeBurst: dedupeGrowth(dedupeModule, eventKeys, 1_000),
		dedupeSteady: dedupeGrowth(dedupeModule, eventKeys, 1),
		fullState: fullStateSerialisation(dedupeModule, eventKeys),
	};
	log(
		`pipeline: floor ${result.floorMicrosPerEvent} µs/event, ours ${result.oursMicrosPerEvent} µs/event, ` +
			`ratio ${result.ratio}x (rounds ${result.ratioRange.join('–')}) target ${result.target}: ${verdict(result.met)}; ` +
			`floor + JSON.parse ${result.verifyAndParseMicrosPerEvent} µs/event, ours ${result.ratioToVerifyAndParse}x that`,
	);
	for (const [label, growth] of [
		['burst 1000/s', result.dedupeBurst],
		['steady 1/s', result.dedupeSteady],
	]) {
		log(
			`dedupe state (${label}): 10k events → ${growth.after10k.keys} keys, ${growth.after10k.jsonBytes} B; ` +
				`100k events → ${growth.after100k.keys} keys, ${growth.after100k.jsonBytes} B (bound ${growth.maxKeys} keys, ${growth.maxStateBytes} B)`,
		);
	}
	return result;
}

/** Body bytes as n8n hands them to the node (a Buffer), built before the clock starts. */
function prepare(stream) {
	return stream.map((delivery) => ({
		headers: delivery.headers,
		bytes: Buffer.from(delivery.body),
	}));
}
