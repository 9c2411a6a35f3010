'use strict';
/**
 * Linq's two webhook signatures, written once for the fake Linq, the unit tests and the
 * benchmarks. Standard Webhooks: `v1,` + base64 HMAC-SHA256 over `id.timestamp.body`, keyed with
 * the bytes the whsec_ secret decodes to, made by the `standardwebhooks` package (the oracle).
 * Legacy X-Webhook-Signature: hex HMAC-SHA256 over `timestamp.body`, keyed with the secret string
 * itself. The raw-key functions are for forgeries the oracle cannot make: an empty or wrong key,
 * a timestamp that is not a number.
 */
const crypto = require('node:crypto');
const { Webhook } = require('standardwebhooks');

/** The key a whsec_ secret stands for. */
function keyOf(secret) {
	return Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
}

/** A Standard Webhooks signature made with any key and any timestamp text. */
function standardSignature(key, id, timestamp, body) {
	const mac = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body);
	return `v1,${mac.digest('base64')}`;
}

/** The legacy hex signature made with any key (Linq keys it with the secret string). */
function legacySignature(key, timestamp, body) {
	return crypto.createHmac('sha256', key).update(`${timestamp}.`).update(body).digest('hex');
}

/**
 * The signature headers Linq sends with a delivery of `body` (a string or bytes): the Standard
 * Webhooks set and the legacy set, or one of them.
 */
function signatureHeaders(body, { secret, id, timestamp, standard = true, legacy = true }) {
	const headers = {};
	if (standard) {
		headers['webhook-id'] = id;
		headers['webhook-timestamp'] = String(timestamp);
		headers['webhook-signature'] = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
	}
	if (legacy) {
		headers['x-webhook-timestamp'] = String(timestamp);
		headers['x-webhook-signature'] = legacySignature(secret, timestamp, body);
	}
	return headers;
}

module.exports = { keyOf, legacySignature, signatureHeaders, standardSignature };
