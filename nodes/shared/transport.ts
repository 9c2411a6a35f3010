import {
	NodeApiError,
	sleep,
	type JsonObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../../credentials/LinqApi.credentials';
import { linqApiError, linqNetworkError, readLinqError } from './errors';
import {
	backoffDelayMs,
	isRetryableStatus,
	parseRetryAfterMs,
	RETRY_POLICY,
} from './retry';

export const CREDENTIALS_TYPE = 'linqApi';

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

const baseUrlCache = new WeakMap<object, Promise<string>>();

async function resolveBaseUrl(ctx: LinqContext): Promise<string> {
	let cached = baseUrlCache.get(ctx);
	if (!cached) {
		cached = ctx.getCredentials(CREDENTIALS_TYPE).then((credentials) => {
			const value = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
			return (value || DEFAULT_BASE_URL).replace(/\/+$/, '');
		});
		baseUrlCache.set(ctx, cached);
	}
	return await cached;
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
	if (request.headers?.['Idempotency-Key']) return true;
	const message = request.body?.message as IDataObject | undefined;
	return Boolean(message?.idempotency_key ?? request.body?.idempotency_key);
}

function canRepeat(request: LinqRequest): boolean {
	return request.method !== 'POST' || request.idempotent === true || carriesIdempotencyKey(request);
}

/** Errors thrown by n8n's request helper for failures that never got an HTTP answer. */
function networkReason(error: unknown): { code?: string; message?: string } | undefined {
	const chain: unknown[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		chain.push(current);
		const record = current as Record<string, unknown>;
		current = record.cause ?? record.reason;
	}
	for (const link of chain) {
		const record = link as Record<string, unknown>;
		const response = record.response as Record<string, unknown> | undefined;
		if (response?.status !== undefined || record.httpCode) return undefined;
	}
	for (const link of chain) {
		const code = (link as Record<string, unknown>).code;
		if (typeof code === 'string' && /^(E[A-Z_]+|ERR_[A-Z_]+|UND_ERR_[A-Z_]+)$/.test(code)) {
			return { code, message: (link as Error).message };
		}
	}
	return { message: error instanceof Error ? error.message : undefined };
}

/**
 * The one way this package talks to Linq: authentication, JSON, retries with backoff and
 * error mapping. Returns the parsed body with the response metadata.
 */
export async function linqRequest(
	this: LinqContext,
	request: LinqRequest,
): Promise<LinqResponse> {
	const baseUrl = await resolveBaseUrl(this);
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
			const reason = networkReason(error);
			if (!reason) throw new NodeApiError(node, error as JsonObject, { itemIndex: request.itemIndex });
			if (repeatable && attempt < RETRY_POLICY.maxAttempts) {
				await sleep(backoffDelayMs(attempt, Math.random()));
				continue;
			}
			throw linqNetworkError(node, reason, attempt, request.itemIndex);
		}

		const { statusCode } = response;
		const headers = response.headers ?? {};
		if (statusCode < 400) {
			const body = (
				response.body === '' || response.body === undefined || response.body === null
					? {}
					: response.body
			) as IDataObject;
			return { body, headers, statusCode, attempts: attempt };
		}

		const failure = readLinqError(statusCode, response.body, headers);
		failure.attempts = attempt;
		const retryReason = isRetryableStatus(statusCode);
		if (retryReason === 'rate_limit') {
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
}

/**
 * Follows `next_cursor` until the API has no more or `limit` items were collected. Asks for
 * no more than it still needs, so a limit of 5 costs one small request.
 */
export async function linqApiRequestAllItems(
	this: LinqContext,
	request: LinqRequest,
	page: PageOptions,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const pageSize = page.pageSize ?? 100;
	const wanted = page.returnAll ? Infinity : Math.max(0, page.limit ?? 50);
	let cursor: string | undefined;
	while (results.length < wanted) {
		const limit = Math.min(pageSize, wanted - results.length);
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
