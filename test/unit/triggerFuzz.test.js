'use strict';
/**
 * Fuzzes the trigger's webhook() with a seeded generator: fresh valid deliveries under every
 * header scheme, replays and Linq-style retries of them under either scheme, forgeries (mutated
 * bodies, signatures, ids, timestamps, wrong and malformed secrets), signed bodies that are not
 * events, and contexts without headers. Every delivery has an expected outcome worked out from
 * how it was made, and the trigger must match it exactly:
 * no throw, no forged delivery accepted, no valid delivery refused, every replay in the window
 * deduplicated whichever scheme it uses, no secret in any log line.
 *
 * The clock is simulated (Date.now is replaced), so the run takes no real time into account.
 */
const crypto = require('crypto');
const { LinqTrigger } = require('../../nodes/LinqTrigger/LinqTrigger.node');
const { defaultCredentials } = require('../support/harness');
const {
	DELIVERY_PARAMS: params,
	createTriggerContext,
	registeredStaticData,
	signDelivery,
} = require('../support/webhookContext');
const { messageEventV2, textPart } = require('../support/linqEvents');
const { keyOf, legacySignature, standardSignature } = require('../support/webhookSignature');

const SEED = 0x5eed_0009;
const DELIVERIES = 6_000;
const TOLERANCE = 300;
const LINQ_RETRY_SECONDS = 25 * 60;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const random = prng(SEED);
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (list) => list[int(0, list.length - 1)];
const chance = (p) => random() < p;
const bytes = (n) => Buffer.from(Array.from({ length: n }, () => int(0, 255)));

const MALFORMED_SECRETS = [
	'whsec_',
	'whsec_****',
	'whsec_!!!!',
	'••••••',
	'whsec_••••••••••••••••••••••',
	`whsec_${Buffer.alloc(15, 7).toString('base64')}`,
	`whsec_${bytes(32).toString('base64').replace(/=+$/, '')}`,
	`whsec_${bytes(32).toString('base64url')}_-`,
	bytes(32).toString('base64'),
];

const trigger = new LinqTrigger();

function validSecret() {
	return `whsec_${bytes(pick([16, 24, 32, 48])).toString('base64')}`;
}

/** A trigger as n8n runs it: its static data (or credentials) and what it has accepted. */
function makeWorkflow(kind) {
	const secret = kind === 'malformed' ? pick(MALFORMED_SECRETS) : validSecret();
	if (kind === 'credentials') {
		const credentials = defaultCredentials({ webhookSigningSecret: secret });
		return { kind, secret, staticData: {}, credentials, captured: [] };
	}
	const staticData = registeredStaticData(secret, `sub_${int(1, 1e9)}`);
	return { kind, secret, staticData, credentials: defaultCredentials(), captured: [] };
}

let nowMs = Date.UTC(2026, 11, 1, 9, 0, 0);
const nowSeconds = () => Math.floor(nowMs / 1000);

/** Headers signed by hand, for what the oracle (standardwebhooks) cannot produce. */
function handSigned(key, legacyKey, body, { id, timestamp }) {
	return {
		'webhook-id': id,
		'webhook-timestamp': timestamp,
		'webhook-signature': standardSignature(key, id, timestamp, body),
		'x-webhook-timestamp': timestamp,
		'x-webhook-signature': legacySignature(legacyKey, timestamp, body),
	};
}

const STANDARD = ['webhook-id', 'webhook-timestamp', 'webhook-signature'];
const LEGACY = ['x-webhook-timestamp', 'x-webhook-signature'];

/** Leaves the headers a proxy or a replayer would: both sets, one of them, or a broken standard set. */
function variant(headers, scheme) {
	const kept = { ...headers };
	if (scheme === 'legacy') for (const name of STANDARD) delete kept[name];
	if (scheme === 'standard') for (const name of LEGACY) delete kept[name];
	// One standard header missing: the legacy headers decide.
	if (scheme === 'partial') delete kept[pick(STANDARD)];
	return kept;
}

/** Changes that keep a delivery valid: extra headers, a rotated-out signature in the list, hex case. */
function benign(headers) {
	const out = { ...headers, 'user-agent': pick(['Linq-Webhooks/1.0', 'curl/8', '']) };
	if (out['webhook-signature'] && chance(0.3)) {
		const stale = `v1,${bytes(32).toString('base64')}`;
		out['webhook-signature'] = chance(0.5)
			? `${stale} ${out['webhook-signature']}`
			: `${out['webhook-signature']} v2,abc ${stale}`;
	}
	if (out['x-webhook-signature'] && chance(0.3)) {
		out['x-webhook-signature'] = chance(0.5)
			? out['x-webhook-signature'].toUpperCase()
			: `sha256=${out['x-webhook-signature']}`;
	}
	if (chance(0.1)) out['webhook-id'] = out['webhook-id'] && [out['webhook-id'], 'other'];
	if (out['webhook-id'] === undefined) delete out['webhook-id'];
	return out;
}

/** A scheme whose headers verify on their own ('partial' = legacy with a broken standard set). */
const SCHEMES = ['both', 'both', 'standard', 'legacy', 'partial'];
const usesStandard = (scheme) => scheme === 'both' || scheme === 'standard';

function freshPayload() {
	const payload = messageEventV2({
		messageId: `msg_${int(1, 1e12)}`,
		parts: [textPart(bytes(int(1, 24)).toString('hex'))],
	});
	if (chance(0.25)) delete payload.event_id;
	return payload;
}

/** Flips one character of `text` to a different one from `alphabet`, at an index below `limit`. */
function flip(text, alphabet, limit = text.length) {
	const index = int(0, limit - 1);
	const others = alphabet.replace(text[index], '');
	return text.slice(0, index) + pick([...others]) + text.slice(index + 1);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Mutations of a valid delivery that must each be refused with 401. */
const FORGERIES = {
	body(delivery) {
		const body = Buffer.from(delivery.rawBody);
		const index = int(0, body.length - 1);
		body[index] ^= int(1, 255);
		return { ...delivery, rawBody: body };
	},
	appended(delivery) {
		return {
			...delivery,
			rawBody: Buffer.concat([delivery.rawBody, Buffer.from(pick([' ', '\n', '{}']))]),
		};
	},
	signature(delivery, scheme) {
		const headers = { ...delivery.headers };
		if (usesStandard(scheme)) {
			// Every bit of the first 42 base64 characters is part of the digest.
			const value = headers['webhook-signature'];
			headers['webhook-signature'] = `v1,${flip(value.slice(3), BASE64, 42)}`;
		} else {
			headers['x-webhook-signature'] = flip(headers['x-webhook-signature'], '0123456789abcdef');
		}
		return { ...delivery, headers };
	},
	id(delivery, scheme) {
		if (!usesStandard(scheme)) return FORGERIES.body(delivery);
		return { ...delivery, headers: { ...delivery.headers, 'webhook-id': `msg_${int(1, 1e12)}` } };
	},
	timestamp(delivery, scheme) {
		const name = usesStandard(scheme) ? 'webhook-timestamp' : 'x-webhook-timestamp';
		const shifted = String(Number(delivery.headers[name]) + pick([-1, 1, -60, 7]));
		return { ...delivery, headers: { ...delivery.headers, [name]: shifted } };
	},
	otherBody(delivery, _scheme, workflow) {
		const other = workflow.captured.length > 0 ? pick(workflow.captured).delivery : undefined;
		if (other === undefined || other.rawBody.equals(delivery.rawBody)) {
			return FORGERIES.appended(delivery);
		}
		return { ...delivery, rawBody: other.rawBody };
	},
	dropped(delivery) {
		const headers = { ...delivery.headers };
		for (const name of [...STANDARD, ...LEGACY]) if (chance(0.7)) delete headers[name];
		if (STANDARD.every((name) => headers[name]) || LEGACY.every((name) => headers[name])) {
			delete headers['webhook-signature'];
			delete headers['x-webhook-signature'];
		}
		return { ...delivery, headers };
	},
};

/** Signed correctly, but with a key or a time the trigger must not accept. */
function badlySigned(workflow, body) {
	const timestamp = nowSeconds();
	const id = `msg_${int(1, 1e12)}`;
	const choice = int(0, 5);
	if (choice === 0)
		return handSigned(keyOf(validSecret()), validSecret(), body, {
			id,
			timestamp: String(timestamp),
		});
	if (choice === 1)
		return handSigned(Buffer.alloc(0), '', body, { id, timestamp: String(timestamp) });
	if (choice === 2) {
		// A near miss: the right secret with one character changed.
		const near = `whsec_${flip(workflow.secret.slice(6), BASE64, 20)}`;
		return handSigned(keyOf(near), near, body, { id, timestamp: String(timestamp) });
	}
	const key = keyOf(workflow.secret);
	const when = pick([
		String(timestamp - TOLERANCE - int(1, 1e6)),
		String(timestamp + TOLERANCE + int(1, 1e6)),
		`${timestamp}a`,
		` ${timestamp}`,
		`-${timestamp}`,
		'1e9',
		'9'.repeat(int(13, 40)),
		'',
	]);
	const headers = handSigned(key, workflow.secret, body, { id, timestamp: when });
	return choice === 3 ? headers : variant(headers, pick(['standard', 'legacy']));
}

/** Bodies Linq could sign but that are no events: each must get 400. */
function notAnEvent() {
	const depth = pick([65, 66, 200, 5_000, 100_000]);
	return pick([
		() =>
			bytes(int(0, 64))
				.toString('latin1')
				.replace(/^[\s[{"\d-tfn]/, '#'),
		() => '[1,2,3]',
		() => 'null',
		() => '"message.received"',
		() => '{}',
		() => '{"event_type":""}',
		() => '{"event_type":7,"data":{}}',
		() => `{"event_type":"message.received","data":${'['.repeat(depth)}${']'.repeat(depth)}}`,
		() => `{"event_type":"message.received","data":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
		() => '{"event_type":"message.received",',
	])();
}

async function run(workflow, request, { headerData } = {}) {
	const ctx = createTriggerContext({
		params,
		staticData: workflow.staticData,
		credentials: workflow.credentials,
		request,
	});
	if (headerData !== undefined) ctx.getHeaderData = () => headerData.value;
	const result = await trigger.webhook.call(ctx);
	const logs = JSON.stringify(ctx.logs);
	if (workflow.secret.length > 6 && logs.includes(workflow.secret)) {
		throw new Error('a secret reached the log');
	}
	if (result.workflowData) return { outcome: 'emitted', count: result.workflowData[0].length };
	if (ctx.response.statusCode === 401 || ctx.response.statusCode === 400) {
		return { outcome: String(ctx.response.statusCode) };
	}
	if (ctx.response.statusCode === undefined && Object.keys(result).length === 0) {
		return { outcome: 'skipped' };
	}
	return { outcome: `unexpected ${ctx.response.statusCode} ${JSON.stringify(result)}` };
}

test(`${DELIVERIES} fuzzed deliveries: no throw, no forgery accepted, no valid delivery refused, every replay deduplicated`, async () => {
	const spy = jest.spyOn(Date, 'now').mockImplementation(() => nowMs);
	const workflows = [
		makeWorkflow('static'),
		makeWorkflow('static'),
		makeWorkflow('credentials'),
		makeWorkflow('static'),
	];
	const malformed = MALFORMED_SECRETS.map(() => makeWorkflow('malformed'));
	const tally = {};
	const mismatches = [];

	async function check(kind, expected, workflow, request, options) {
		let got;
		try {
			got = await run(workflow, request, options);
		} catch (error) {
			got = { outcome: `threw ${error && error.message}` };
		}
		const outcome =
			got.outcome === 'emitted' && got.count !== 1 ? `emitted ${got.count}` : got.outcome;
		tally[kind] = (tally[kind] ?? 0) + 1;
		if (outcome !== expected && mismatches.length < 10) {
			mismatches.push({ kind, expected, outcome, headers: request.headers });
		}
		return outcome;
	}

	try {
		for (let n = 0; n < DELIVERIES; n++) {
			nowMs += int(0, 3_000);
			const workflow = pick(workflows);
			const roll = random();

			if (roll < 0.3) {
				// A new event, first seen under any scheme, possibly a little early or late.
				const timestamp = nowSeconds() + int(-240, 240);
				const signed = signDelivery(freshPayload(), {
					secret: workflow.secret,
					timestamp,
					id: `msg_${crypto.randomUUID()}`,
				});
				const scheme = pick(SCHEMES);
				const request = { ...signed, headers: benign(variant(signed.headers, scheme)) };
				await check('valid', 'emitted', workflow, request);
				workflow.captured.push({ delivery: signed, timestamp });
				if (workflow.captured.length > 200) workflow.captured.shift();
			} else if (roll < 0.55 && workflow.captured.length > 0) {
				// A replay of what Linq sent, under any scheme, or Linq's own retry re-signed later.
				// Mostly recent captures (inside the 5-minute window), sometimes old ones.
				const { delivery, timestamp } = pick(
					chance(0.8) ? workflow.captured.slice(-12) : workflow.captured,
				);
				let request = { ...delivery, headers: variant(delivery.headers, pick(SCHEMES)) };
				let age = nowSeconds() - timestamp;
				// Linq retries for about 25 minutes; the trigger remembers events for 30.
				if (age <= LINQ_RETRY_SECONDS && chance(0.3)) {
					const retried = signDelivery(JSON.parse(delivery.rawBody), {
						secret: workflow.secret,
						id: delivery.headers['webhook-id'],
						timestamp: nowSeconds(),
					});
					request = {
						...retried,
						rawBody: delivery.rawBody,
						headers: variant(retried.headers, pick(SCHEMES)),
					};
					age = 0;
				}
				const inWindow = Math.abs(age) <= TOLERANCE;
				await check(
					inWindow ? 'replay' : 'stale replay',
					inWindow ? 'skipped' : '401',
					workflow,
					request,
				);
			} else if (roll < 0.8) {
				// A forgery: a valid delivery changed in one way, or signed with what it must not be.
				const signed = signDelivery(freshPayload(), {
					secret: workflow.secret,
					timestamp: nowSeconds(),
				});
				if (chance(0.25)) {
					await check('badly signed', '401', workflow, {
						...signed,
						headers: badlySigned(workflow, signed.rawBody),
					});
				} else {
					const scheme = pick(['both', 'standard', 'legacy']);
					const base = { ...signed, headers: variant(signed.headers, scheme) };
					const name = pick(Object.keys(FORGERIES));
					await check(`forged ${name}`, '401', workflow, FORGERIES[name](base, scheme, workflow));
				}
			} else if (roll < 0.9) {
				// Signed by Linq, but not an event.
				const body = notAnEvent();
				const signed = signDelivery(body, { secret: workflow.secret, timestamp: nowSeconds() });
				await check('not an event', '400', workflow, {
					...signed,
					headers: variant(signed.headers, pick(SCHEMES)),
				});
			} else if (roll < 0.97) {
				// A trigger whose secret is malformed: nothing gets through, however it is signed.
				const target = pick(malformed);
				const signed = signDelivery(freshPayload(), {
					secret: validSecret(),
					timestamp: nowSeconds(),
				});
				const body = signed.rawBody.toString();
				const key = chance(0.5) ? Buffer.alloc(0) : keyOf(target.secret);
				const headers = handSigned(key, target.secret, body, {
					id: 'msg_x',
					timestamp: String(nowSeconds()),
				});
				await check('malformed secret', '401', target, {
					...signed,
					headers: variant(headers, pick(SCHEMES)),
				});
			} else {
				// n8n handing over no headers at all.
				const signed = signDelivery(freshPayload(), {
					secret: workflow.secret,
					timestamp: nowSeconds(),
				});
				await check('no headers', '401', workflow, signed, {
					headerData: { value: pick([undefined, null]) },
				});
			}
		}
	} finally {
		spy.mockRestore();
	}

	expect(mismatches).toEqual([]);
	const total = Object.values(tally).reduce((sum, count) => sum + count, 0);
	expect(total).toBe(DELIVERIES);
	expect(tally.valid).toBeGreaterThan(1_200);
	expect(tally.replay).toBeGreaterThan(800);
	const forged = Object.entries(tally)
		.filter(
			([kind]) =>
				kind.startsWith('forged') || kind === 'badly signed' || kind === 'malformed secret',
		)
		.reduce((sum, [, count]) => sum + count, 0);
	expect(forged).toBeGreaterThan(1_500);
});
