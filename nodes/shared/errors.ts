import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

/** What Linq tells us about a failed request, with nothing from our side of the call. */
export interface LinqFailure {
	status: number;
	code?: number | string;
	message?: string;
	traceId?: string;
	retryAfterMs?: number;
	attempts?: number;
	/** What to tell the user when the request is still rate limited after the retries. */
	rateLimitHint?: string;
}

/** Which credential the messages name: the Linq API one, or the Linq V2 (Legacy) API one. */
export interface CredentialWording {
	credentialsName: string;
	tokenName: string;
}

const V3_WORDING: CredentialWording = { credentialsName: 'Linq API', tokenName: 'API token' };

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/** Enough for any title or short message; the rest of a page is never looked at. */
export const ERROR_TEXT_PREFIX = 8_192;

/** Text outside tags, in one pass (regexes over tags are quadratic on unclosed `<`). */
function withoutTags(html: string): string {
	let out = '';
	let inTag = false;
	for (const char of html) {
		if (char === '<') inTag = true;
		else if (char === '>' && inTag) {
			inTag = false;
			out += ' ';
		} else if (!inTag) out += char;
	}
	return out;
}

/** The text between `<title ...>` and `</title>`, found with indexOf only. */
function titleOf(html: string): string | undefined {
	const lower = html.toLowerCase();
	const open = lower.indexOf('<title');
	const start = open === -1 ? -1 : lower.indexOf('>', open);
	const end = start === -1 ? -1 : lower.indexOf('</title', start);
	return end === -1 ? undefined : html.slice(start + 1, end);
}

/** Proxies in front of Linq answer with an HTML page: its title is the readable part. */
function plainText(body: string): string | undefined {
	const trimmed = body.slice(0, ERROR_TEXT_PREFIX).trim();
	const html = trimmed.startsWith('<');
	const text = html ? (titleOf(trimmed) ?? withoutTags(trimmed)) : trimmed;
	const collapsed = text.split(/\s+/).join(' ').trim().slice(0, 300);
	return collapsed === '' ? undefined : collapsed;
}

function parseBody(body: unknown): Record<string, unknown> | undefined {
	if (typeof body === 'string') {
		try {
			return asRecord(JSON.parse(body));
		} catch {
			const message = plainText(body);
			return message === undefined ? undefined : { message };
		}
	}
	if (body instanceof Uint8Array) return parseBody(Buffer.from(body).toString('utf8'));
	return asRecord(body);
}

/** Entries of V2's `errors` list read, at most this many: enough to say what was wrong. */
const V2_ERRORS_READ = 5;

function shortText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 300) : undefined;
}

/**
 * The legacy V2 API's two error bodies: `{errors: [{status, code, title, detail}]}` from most
 * endpoints, and `{status, error_code, message, errors: ["…"]}` from contacts and webhook
 * subscriptions. Read into the same code and message as a V3 error.
 */
function readV2Error(data: Record<string, unknown>): { code?: unknown; message?: string } {
	const entries = Array.isArray(data.errors) ? data.errors.slice(0, V2_ERRORS_READ) : [];
	const first = asRecord(entries[0]);
	if (first) {
		const details = entries
			.map((entry) => {
				const record = asRecord(entry);
				return shortText(record?.detail) ?? shortText(record?.title);
			})
			.filter((text): text is string => text !== undefined);
		return { code: first.code, message: details.length > 0 ? details.join('; ') : undefined };
	}
	const texts = entries.map(shortText).filter((text): text is string => text !== undefined);
	const message = shortText(data.message);
	const joined = texts.length > 0 ? texts.join('; ') : undefined;
	return {
		code: data.error_code,
		message: message && joined ? `${message}: ${joined}` : (message ?? joined),
	};
}

/**
 * Linq errors are `{code, message, trace_id}`, sometimes wrapped in `{error: {...}}`; the
 * legacy V2 API's are read by readV2Error. V2 sends no trace id: the request id its server
 * puts in `x-request-id` is what its support can look up.
 */
export function readLinqError(
	status: number,
	body: unknown,
	headers: Record<string, unknown> = {},
): LinqFailure {
	const data = parseBody(body) ?? {};
	const inner = asRecord(data.error) ?? {};
	const pick = (key: string) => data[key] ?? inner[key];
	const v2 = Array.isArray(data.errors) || data.error_code !== undefined ? readV2Error(data) : {};
	const code = pick('code') ?? v2.code;
	const message =
		v2.message ?? pick('message') ?? (typeof data.error === 'string' ? data.error : undefined);
	const traceId = pick('trace_id') ?? headers['x-trace-id'] ?? headers['x-request-id'];
	return {
		status,
		code: typeof code === 'number' || typeof code === 'string' ? code : undefined,
		message: typeof message === 'string' ? message : undefined,
		traceId: typeof traceId === 'string' ? traceId : undefined,
	};
}

function hints(wording: CredentialWording): Record<number, string> {
	return {
		400: 'Linq refused the request as sent. Check the fields named in the message.',
		401: `Check the ${wording.tokenName} in your ${wording.credentialsName} credentials: it is missing, wrong or revoked.`,
		403: `The ${wording.tokenName} is valid but not allowed to do this. Check the line or the account with Linq.`,
		404: 'Linq has nothing with that ID. Check the ID, or whether it was deleted.',
		409: 'This conflicts with something that already exists in Linq.',
		422: 'Linq understood the request but cannot do it with these values.',
	};
}

function headline(failure: LinqFailure, wording: CredentialWording): string {
	const code = failure.code !== undefined ? ` (code ${failure.code})` : '';
	if (failure.status === 401) return `Linq rejected the ${wording.tokenName}${code}`;
	if (failure.status === 429) {
		const wait =
			failure.retryAfterMs !== undefined
				? `; retry after ${Math.ceil(failure.retryAfterMs / 1000)} s`
				: '';
		return `Linq rate limited the request${code}${wait}`;
	}
	const detail = failure.message ? `: ${failure.message}` : '';
	return `Linq API error ${failure.status}${code}${detail}`;
}

export function describeFailure(
	failure: LinqFailure,
	wording: CredentialWording = V3_WORDING,
): string {
	const lines: string[] = [];
	if (failure.message && (failure.status === 401 || failure.status === 429)) {
		lines.push(failure.message);
	}
	const hint =
		hints(wording)[failure.status] ??
		(failure.status === 429
			? (failure.rateLimitHint ??
				"Linq allows 30 messages per 60 seconds for each sender and recipient pair. Slow down, or lower the node's concurrency.")
			: failure.status >= 500
				? 'Linq had a problem on its side. Try again later.'
				: undefined);
	if (hint) lines.push(hint);
	if (failure.status >= 300 && failure.status < 400) {
		lines.push(
			`Linq's API does not redirect, so the redirect was not followed and the token was not sent on. Check the Base URL in your ${wording.credentialsName} credentials.`,
		);
	}
	if (failure.attempts && failure.attempts > 1) lines.push(`Attempts made: ${failure.attempts}.`);
	if (failure.code !== undefined) lines.push(`Linq error code: ${failure.code}`);
	lines.push(`trace_id: ${failure.traceId ?? 'not given'} (quote it to Linq support)`);
	return lines.join('\n');
}

export function linqApiError(
	node: INode,
	failure: LinqFailure,
	itemIndex?: number,
	wording: CredentialWording = V3_WORDING,
): NodeApiError {
	const response: JsonObject = { status: failure.status, message: failure.message ?? null };
	if (failure.code !== undefined) response.code = failure.code;
	if (failure.traceId !== undefined) response.trace_id = failure.traceId;
	const error = new NodeApiError(node, response, {
		message: headline(failure, wording),
		description: describeFailure(failure, wording),
		httpCode: String(failure.status),
		itemIndex,
	});
	// n8n shows these in the error details panel and keeps them for continueOnFail output.
	error.context.linqCode = failure.code;
	error.context.traceId = failure.traceId;
	return error;
}

export function linqNetworkError(
	node: INode,
	reason: { code?: string; message?: string },
	attempts: number,
	itemIndex?: number,
	wording: CredentialWording = V3_WORDING,
): NodeApiError {
	const headline = `Could not reach the Linq API (${reason.code ?? 'network error'})`;
	const detail = reason.message && reason.message !== reason.code ? `${reason.message}. ` : '';
	const error = new NodeApiError(
		node,
		{ code: reason.code ?? null, message: reason.message ?? null },
		{
			message: headline,
			description: `${detail}Check the Base URL in your ${wording.credentialsName} credentials and the network between n8n and Linq. Attempts made: ${attempts}.`,
			itemIndex,
		},
	);
	// n8n swaps a message naming a socket error code for its generic wording, which neither
	// names Linq nor knows the request was already retried.
	error.message = headline;
	return error;
}
