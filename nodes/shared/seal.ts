import { createCipheriv, createDecipheriv, randomBytes } from 'crypto';

/*
 * Authenticated encryption (AES-256-GCM) of a short text under a 32-byte key that travels as
 * base64url. Send and Wait keeps a wait's signing secret sealed in the execution under a key
 * that only the wait's resume URL carries (docs/design.md, issue 17).
 */

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Sealed texts are a few hundred characters; anything far longer is not ours. */
const MAX_SEALED_CHARS = 4_096;
const KEY_TEXT = /^[A-Za-z0-9_-]{43}$/;

export function newSealKey(): string {
	return randomBytes(KEY_BYTES).toString('base64url');
}

function keyBytes(key: string): Buffer | undefined {
	if (!KEY_TEXT.test(key)) return undefined;
	const bytes = Buffer.from(key, 'base64url');
	// Re-encoding catches the two trailing bits base64url lets a forger vary.
	return bytes.length === KEY_BYTES && bytes.toString('base64url') === key ? bytes : undefined;
}

export function seal(plaintext: string, key: string): string {
	const bytes = keyBytes(key);
	if (!bytes) throw new RangeError('The seal key must be 32 bytes in base64url');
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', bytes, iv);
	const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The plaintext, or undefined when the key is wrong or the sealed text was changed. */
export function unseal(sealed: unknown, key: unknown): string | undefined {
	if (typeof sealed !== 'string' || typeof key !== 'string') return undefined;
	if (sealed.length > MAX_SEALED_CHARS) return undefined;
	const bytes = keyBytes(key);
	const data = Buffer.from(sealed, 'base64url');
	if (!bytes || data.length < IV_BYTES + TAG_BYTES) return undefined;
	try {
		const decipher = createDecipheriv('aes-256-gcm', bytes, data.subarray(0, IV_BYTES));
		decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
		return Buffer.concat([
			decipher.update(data.subarray(IV_BYTES + TAG_BYTES)),
			decipher.final(),
		]).toString('utf8');
	} catch {
		return undefined;
	}
}
