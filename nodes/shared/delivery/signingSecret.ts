/*
 * Linq's signing secrets are Standard Webhooks secrets: `whsec_` and the base64 of random key
 * bytes. Node's base64 decoder skips characters it does not know, so a masked or mangled secret
 * (`whsec_`, `whsec_****`, `••••••`) decodes to an empty or short key, and a signature made with
 * that key would verify: anyone could forge events. So a secret is used only when it has the
 * prefix, is canonical base64 (it re-encodes to exactly the same text) and holds enough bytes.
 */
export const SECRET_PREFIX = 'whsec_';
export const MIN_KEY_BYTES = 16;
/** Linq's keys are 32 bytes; the cap only bounds the work on a pasted value. */
const MAX_SECRET_CHARS = 256;

/** What the credential field and the log say a secret looks like. */
export const SECRET_FORMAT =
	'whsec_ followed by the base64 key, exactly as Linq shows it (at least 16 bytes)';

export function isValidSigningSecret(secret: unknown): secret is string {
	if (typeof secret !== 'string' || secret.length > MAX_SECRET_CHARS) return false;
	if (!secret.startsWith(SECRET_PREFIX)) return false;
	const encoded = secret.slice(SECRET_PREFIX.length);
	const key = Buffer.from(encoded, 'base64');
	return key.length >= MIN_KEY_BYTES && key.toString('base64') === encoded;
}

/** The HMAC key of a secret that passed isValidSigningSecret. */
export function signingKey(secret: string): Buffer {
	return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}
