import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../../credentials/LinqAppApi.credentials';
import { checkBaseUrl } from './baseUrl';
import { linqApiError, linqNetworkError, readLinqError } from './errors';
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs, RETRY_POLICY } from './retry';

export const CREDENTIALS_TYPE = 'linqAppApi';

export type LinqContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface LinqRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, starting with `/v3/`. */
	path: string;
	body?: IDataObject;
	/** Arrays are sent comma-separated, as Linq's API expects (`to=+1555…,+1555…`). */
	qs?: IDataObject;
	headers?: Record<string, string>;
	itemIndex?: number;
	/**
	 * True when sending the same request twice cannot do anything twice. GET, PUT, PATCH and
	 * DELETE are; a POST is when it carries an idempotency key or the caller says so.
	 * Only these are repeated after a 5xx or a network error; 429 is always repeated
	 * because Linq did not act on the request.
	 */
	idempotent?: boolean;
	timeoutMs?: number;
}

export interface LinqResponse {
	body: IDataObject;
	headers: Record<string, unknown>;
	statusCode: number;
	attempts: number;
}

interface FullResponse {
	body: unknown;
	headers?: Record<string, unknown>;
	statusCode: number;
}

interface Connection {
	baseUrl: string;
	/** Credential secrets, blanked out of anything Linq or a proxy echoes back into an error. */
	secrets: string[];
}

const connectionCache = new WeakMap<object, Promise<Connection>>();

async function resolveConnection(ctx: LinqContext): Promise<Connection> {
	let cached = connectionCache.get(ctx);
	if (!cached) {
		cached = ctx.getCredentials(CREDENTIALS_TYPE).then((credentials) => {
			const value = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
			const checked = checkBaseUrl(value || DEFAULT_BASE_URL);
			if (!checked.ok) {
				throw new NodeOperationError(ctx.getNode(), `Base URL ${checked.reason}`, {
					description: `Fix the Base URL in your Linq API credentials, for example ${DEFAULT_BASE_URL}.`,
				});
			}
			const secrets = [credentials.apiToken, credentials.webhookSigningSecret].filter(
				(secret): secret is string => typeof secret === 'string' && secret.trim().length >= 6,
			);
			return { baseUrl: checked.baseUrl, secrets };
		});
		connectionCache.set(ctx, cached);
	}
	return await cached;
}

function redact(text: string | undefined, secrets: string[]): string | undefined {
	if (text === undefined) return undefined;
	return secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

function serialiseQuery(qs: IDataObject | undefined): IDataObject | undefined {
	if (!qs) return undefined;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null || value === '') continue;
		out[key] = Array.isArray(value) ? value.join(',') : value;
	}
	return out;
}

function carriesIdempotencyKey(request: LinqRequest): boolean {
	const headers = Object.entries(request.headers ?? {});
	if (headers.some(([name, value]) => name.toLowerCase() === 'idempotency-key' && value))
		return true;
	const message = request.body?.message as IDataObject | undefined;
	return Boolean(message?.idempotency_key ?? request.body?.idempotency_key);
}

function canRepeat(request: LinqRequest): boolean {
	return request.method !== 'POST' || request.idempotent === true || carriesIdempotencyKey(request);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object'
		? (value as Record<string, unknown>)
		: undefined;
}

/** The error and what it wraps: n8n's helper wraps axios' error in a NodeApiError. */
function causeChain(error: unknown): Array<Record<string, unknown>> {
	const chain: Array<Record<string, unknown>> = [];
	let current = asRecord(error);
	while (current && chain.length < 5 && !chain.includes(current)) {
		chain.push(current);
		current = asRecord(current.cause ?? current.reason);
	}
	return chain;
}

/**
 * An HTTP answer carried by a thrown error, for helpers that throw on status codes despite
 * `ignoreHttpStatusErrors`. Only the answer is kept: the error also holds the request
 * config, Authorization header included, so it must never be rethrown.
 */
function thrownResponse(chain: Array<Record<string, unknown>>): FullResponse | undefined {
	for (const link of chain) {
		const response = asRecord(link.response);
		if (response && typeof response.status === 'number') {
			return {
				statusCode: response.status,
				body: response.data,
				headers: asRecord(response.headers) ?? {},
			};
		}
	}
	return undefined;
}

const NETWORK_CODE = /^(E[A-Z_]+|ERR_[A-Z_]+|UND_ERR_[A-Z_]+)$/;
/** The workflow was stopped: repeating the request would outlive it. */
const NOT_REPEATABLE_CODES = new Set(['ERR_CANCELED', 'ABORT_ERR']);

/**
 * Whether a failure without an HTTP answer may be repeated. Older n8n versions (2.8) wrap a
 * dropped connection without its error code, so a missing code counts as a network failure
 * too; what is known not to be one (the workflow was cancelled, or the node itself refused,
 * such as missing credentials) is not repeated.
 */
function isTransient(error: unknown, reason: { code?: string }): boolean {
	if (error instanceof NodeOperationError) return false;
	if (reason.code !== undefined) return !NOT_REPEATABLE_CODES.has(reason.code);
	return !causeChain(error).some(
		(link) => link.name === 'AbortError' || link.name === 'CanceledError',
	);
}

function networkReason(chain: Array<Record<string, unknown>>): { code?: string; message?: string } {
	for (const link of chain) {
		if (typeof link.code === 'string' && NETWORK_CODE.test(link.code)) {
			return {
				code: link.code,
				message: typeof link.message === 'string' ? link.message : undefined,
			};
		}
	}
	const message = chain[chain.length - 1]?.message;
	return { message: typeof message === 'string' ? message : undefined };
}

/**
 * The one way this package talks to Linq: authentication, JSON, retries with backoff and
 * error mapping. Returns the parsed body with the response metadata.
 */
export async function linqRequest(this: LinqContext, request: LinqRequest): Promise<LinqResponse> {
	const { baseUrl, secrets } = await resolveConnection(this);
	const node = this.getNode();
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: serialiseQuery(request.qs),
		body: request.body,
		headers: { Accept: 'application/json', ...request.headers },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? 60_000,
		// Linq's API never redirects; n8n would otherwise re-send the token to any origin.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const repeatable = canRepeat(request);

	for (let attempt = 1; ; attempt++) {
		let response: FullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIALS_TYPE,
				options,
			)) as FullResponse;
		} catch (error) {
			const chain = causeChain(error);
			const answered = thrownResponse(chain);
			if (answered) {
				response = answered;
			} else {
				const reason = networkReason(chain);
				const retryable = repeatable && isTransient(error, reason);
				if (retryable && attempt < RETRY_POLICY.maxAttempts) {
					await sleep(backoffDelayMs(attempt, Math.random()));
					continue;
				}
				reason.message = redact(reason.message, secrets);
				throw linqNetworkError(node, reason, attempt, request.itemIndex);
			}
		}

		const { statusCode } = response;
		const headers = response.headers ?? {};
		if (statusCode < 300) {
			const body = (
				response.body === '' || response.body === undefined || response.body === null
					? {}
					: response.body
			) as IDataObject;
			return { body, headers, statusCode, attempts: attempt };
		}

		const failure = readLinqError(statusCode, response.body, headers);
		failure.message = redact(failure.message, secrets);
		failure.attempts = attempt;
		const retryReason = isRetryableStatus(statusCode);
		// Linq sends Retry-After with 429; a 503 from Linq or a proxy may carry one too.
		if (retryReason) {
			const bodyRecord = (response.body ?? {}) as IDataObject;
			failure.retryAfterMs = parseRetryAfterMs(headers['retry-after'], bodyRecord.retry_after);
		}
		const mayRetry =
			attempt < RETRY_POLICY.maxAttempts &&
			(retryReason === 'rate_limit' || (retryReason === 'server_error' && repeatable)) &&
			(failure.retryAfterMs ?? 0) <= RETRY_POLICY.maxRetryAfterMs;
		if (!mayRetry) throw linqApiError(node, failure, request.itemIndex);
		await sleep(failure.retryAfterMs ?? backoffDelayMs(attempt, Math.random()));
	}
}

/** linqRequest for callers that only need the body. */
export async function linqApiRequest(
	this: LinqContext,
	request: LinqRequest,
): Promise<IDataObject> {
	return (await linqRequest.call(this, request)).body;
}

export interface PageOptions {
	/** The array in each page: `chats` or `messages`. */
	property: string;
	returnAll: boolean;
	/** Used when returnAll is false. */
	limit?: number;
	/** Largest page Linq serves. */
	pageSize?: number;
	/** Start at this page (a `next_cursor` from an earlier answer) instead of the first. */
	cursor?: string;
}

/**
 * Follows `next_cursor` until the API has no more or `limit` items were collected. Every page
 * asks for the same `limit`, as the SDK's pagination does (a cursor may be tied to its page
 * size), and no more than needed, so a limit of 5 costs one small request.
 */
export async function linqApiRequestAllItems(
	this: LinqContext,
	request: LinqRequest,
	page: PageOptions,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const pageSize = page.pageSize ?? 100;
	const wanted = page.returnAll ? Infinity : Math.max(0, page.limit ?? 50);
	const limit = Math.min(pageSize, wanted);
	let cursor = page.cursor || undefined;
	while (results.length < wanted) {
		const body = await linqApiRequest.call(this, {
			...request,
			qs: { ...request.qs, limit, cursor },
		});
		const items = (body[page.property] as IDataObject[] | undefined) ?? [];
		results.push(...items.slice(0, wanted - results.length));
		const next = body.next_cursor;
		if (typeof next !== 'string' || next === '' || items.length === 0) break;
		cursor = next;
	}
	return results;
}
