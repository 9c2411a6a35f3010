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

/**
 * What differs between Linq's current API (V3) and the legacy V2 one as far as the transport is
 * concerned. Everything else (retries, redirects, error mapping, redaction) is the same code.
 */
export interface LinqApi {
	credentialsType: string;
	/** The credential as n8n shows it, for messages that say what to fix. */
	credentialsName: string;
	/** What the credential calls its token, for the hint on a 401. */
	tokenName: string;
	defaultBaseUrl: string;
	/** Credential fields holding secrets, blanked out of anything echoed back into an error. */
	secretFields: string[];
	/** Lists in a query: V3 reads `to=a,b`, V2 `phone_numbers[]=a&phone_numbers[]=b`. */
	arrayFormat: 'comma' | 'brackets';
}

export const LINQ_V3: LinqApi = {
	credentialsType: 'linqAppApi',
	credentialsName: 'Linq API',
	tokenName: 'API token',
	defaultBaseUrl: DEFAULT_BASE_URL,
	secretFields: ['apiToken', 'webhookSigningSecret'],
	arrayFormat: 'comma',
};

export const CREDENTIALS_TYPE = LINQ_V3.credentialsType;

export type LinqContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface LinqRequest {
	/** Which API and credential; V3 when left out. */
	api?: LinqApi;
	method: IHttpRequestMethods;
	/** Path below the base URL, starting with `/v3/` (V2: `/api/partner/v2/`). */
	path: string;
	/** JSON, or bytes already encoded (a multipart body) with their Content-Type in `headers`. */
	body?: IDataObject | Buffer;
	/** Arrays are sent as the API's `arrayFormat` says. */
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
	/** Replaces the general advice shown when Linq still answers 429 after the retries. */
	rateLimitHint?: string;
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

/** Per context and credential type: a context reads its credentials once. */
const connectionCache = new WeakMap<object, Map<string, Promise<Connection>>>();

async function resolveConnection(ctx: LinqContext, api: LinqApi): Promise<Connection> {
	let perType = connectionCache.get(ctx);
	if (!perType) {
		perType = new Map();
		connectionCache.set(ctx, perType);
	}
	let cached = perType.get(api.credentialsType);
	if (!cached) {
		cached = ctx.getCredentials(api.credentialsType).then((credentials) => {
			const value = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
			const checked = checkBaseUrl(value || api.defaultBaseUrl);
			if (!checked.ok) {
				throw new NodeOperationError(ctx.getNode(), `Base URL ${checked.reason}`, {
					description: `Fix the Base URL in your ${api.credentialsName} credentials, for example ${api.defaultBaseUrl}.`,
				});
			}
			const secrets = api.secretFields
				.map((field) => credentials[field])
				.filter(
					(secret): secret is string => typeof secret === 'string' && secret.trim().length >= 6,
				);
			return { baseUrl: checked.baseUrl, secrets };
		});
		perType.set(api.credentialsType, cached);
	}
	return await cached;
}

function redact(text: string | undefined, secrets: string[]): string | undefined {
	if (text === undefined) return undefined;
	return secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

function serialiseQuery(
	qs: IDataObject | undefined,
	arrayFormat: LinqApi['arrayFormat'],
): IDataObject | undefined {
	if (!qs) return undefined;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null || value === '') continue;
		out[key] = Array.isArray(value) && arrayFormat === 'comma' ? value.join(',') : value;
	}
	return out;
}

function carriesIdempotencyKey(request: LinqRequest): boolean {
	const headers = Object.entries(request.headers ?? {});
	if (headers.some(([name, value]) => name.toLowerCase() === 'idempotency-key' && value))
		return true;
	const body = request.body;
	if (body === undefined || Buffer.isBuffer(body)) return false;
	const message = body.message as IDataObject | undefined;
	return Boolean(message?.idempotency_key ?? body.idempotency_key);
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
	const api = request.api ?? LINQ_V3;
	const { baseUrl, secrets } = await resolveConnection(this, api);
	const node = this.getNode();
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: serialiseQuery(request.qs, api.arrayFormat),
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
	if (api.arrayFormat === 'brackets') options.arrayFormat = 'brackets';
	const repeatable = canRepeat(request);

	for (let attempt = 1; ; attempt++) {
		let response: FullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				api.credentialsType,
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
				throw linqNetworkError(node, reason, attempt, request.itemIndex, api);
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
		if (request.rateLimitHint) failure.rateLimitHint = request.rateLimitHint;
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
		if (!mayRetry) throw linqApiError(node, failure, request.itemIndex, api);
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
