export interface RawBody {
	bytes: Buffer;
	/**
	 * True when n8n handed over no raw body and the bytes were rebuilt from the parsed JSON.
	 * They are still verified, but they match Linq's signature only if Linq encoded the JSON
	 * the same way, so such deliveries are usually refused with 401 rather than accepted.
	 */
	reencoded: boolean;
}

/** The request body exactly as received. n8n keeps it in `rawBody` for webhook requests. */
export function readRawBody(request: { rawBody?: unknown; body?: unknown }): RawBody {
	const { rawBody, body } = request;
	if (Buffer.isBuffer(rawBody)) return { bytes: rawBody, reencoded: false };
	if (typeof rawBody === 'string') return { bytes: Buffer.from(rawBody, 'utf8'), reencoded: false };
	if (Buffer.isBuffer(body)) return { bytes: body, reencoded: false };
	if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8'), reencoded: false };
	if (body === undefined || body === null) return { bytes: Buffer.alloc(0), reencoded: false };
	return { bytes: Buffer.from(JSON.stringify(body), 'utf8'), reencoded: true };
}
