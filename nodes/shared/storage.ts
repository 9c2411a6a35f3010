import {
	NodeApiError,
	sleep,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { httpsUrl } from './httpsUrl';
import { readBounded, type BoundedRead } from './readBounded';

export interface StorageRequest {
	method: Extract<IHttpRequestMethods, 'GET' | 'PUT'>;
	/** A presigned upload URL or a file download URL, both handed out by Linq. */
	url: string;
	body?: Buffer;
	headers?: Record<string, string>;
	itemIndex: number;
	/** Largest answer accepted, 1 MB unless given (an upload's answer is a few bytes). */
	maxBytes?: number;
}

export interface StorageTransfer {
	method: Extract<IHttpRequestMethods, 'GET' | 'PUT'>;
	url: string;
	body?: Buffer;
	headers?: Record<string, string>;
	/** Deadline for the whole transfer, redirects and body included. */
	timeoutMs: number;
	/** Largest answer accepted: reading stops as soon as it is passed. */
	maxBytes: number;
}

export type StorageAnswer =
	| { kind: 'answered'; host: string; statusCode: number; bytes: Buffer }
	| { kind: 'not_https' }
	| { kind: 'redirect_refused'; host: string }
	| { kind: 'too_large'; host: string; announcedBytes?: number }
	| { kind: 'timed_out'; host: string }
	| { kind: 'unreachable'; host: string; code?: string; message?: string };

const MAX_REDIRECTS = 3;
const DEFAULT_MAX_BYTES = 1_048_576;

interface StreamedResponse {
	body: unknown;
	headers?: Record<string, unknown>;
	statusCode: number;
}

function header(response: StreamedResponse, name: string): string | undefined {
	const value = response.headers?.[name];
	return typeof value === 'string' ? value : undefined;
}

/** Closes a body that will not be read, so its connection is not left open. */
function discard(body: unknown): void {
	const stream = body as { destroy?: unknown } | null;
	if (stream && typeof stream.destroy === 'function') (stream.destroy as () => void)();
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
	return (
		value !== null &&
		typeof value === 'object' &&
		typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === 'function'
	);
}

/** The body as a stream where n8n gives one; older helpers may hand over a finished buffer. */
async function readBody(body: unknown, maxBytes: number, deadline: number): Promise<BoundedRead> {
	if (isAsyncIterable(body)) return await readBounded(body, { maxBytes, deadline });
	const bytes = Buffer.isBuffer(body)
		? body
		: body instanceof ArrayBuffer
			? Buffer.from(body)
			: Buffer.from(typeof body === 'string' ? body : '');
	return bytes.length > maxBytes
		? { kind: 'too_large', bytesRead: bytes.length }
		: { kind: 'complete', bytes };
}

/**
 * Only the code and message of a failure: the error itself holds the request, presigned URL
 * included. The URL's query (its signature) is blanked out of the message too.
 */
function failureReason(error: unknown, url: URL): { code?: string; message?: string } {
	const record = (error ?? {}) as { code?: unknown; message?: unknown };
	const message =
		typeof record.message === 'string' && url.search
			? record.message.split(url.search).join('?[redacted]')
			: record.message;
	return {
		code: typeof record.code === 'string' ? record.code : undefined,
		message: typeof message === 'string' ? message : undefined,
	};
}

/**
 * File bytes to or from Linq's storage: the one kind of request this package sends outside
 * the Linq API. Presigned URLs carry their own authorisation, so our API token never goes
 * with them (it would leak to the storage host, and S3 refuses a second credential).
 * Every address, each redirect hop included, must be https; the answer is read as a stream
 * against a size cap and one deadline for the whole transfer. Callers decide what a failure
 * means for them.
 */
export async function transferStorage(
	this: IExecuteFunctions | IWebhookFunctions,
	transfer: StorageTransfer,
): Promise<StorageAnswer> {
	let url = httpsUrl(transfer.url);
	if (!url) return { kind: 'not_https' };
	const deadline = Date.now() + transfer.timeoutMs;
	const stop = new AbortController();
	let expired = false;
	// Also ends a transfer whose server goes silent; the chunk loop checks the same deadline.
	void sleep(transfer.timeoutMs, stop.signal).then(
		() => {
			expired = true;
			stop.abort();
		},
		() => undefined,
	);
	try {
		for (let hop = 0; ; hop++) {
			const host = url.host;
			let response: StreamedResponse;
			try {
				response = (await this.helpers.httpRequest({
					method: transfer.method,
					url: url.href,
					body: transfer.body,
					headers: transfer.headers,
					encoding: 'stream',
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					// Redirects are followed below, where each target is checked first.
					disableFollowRedirect: true,
					timeout: transfer.timeoutMs,
					abortSignal: stop.signal,
				})) as StreamedResponse;
			} catch (error) {
				if (expired) return { kind: 'timed_out', host };
				return { kind: 'unreachable', host, ...failureReason(error, url) };
			}
			const { statusCode } = response;
			const location = header(response, 'location');
			if (statusCode >= 300 && statusCode < 400 && location && transfer.method === 'GET') {
				discard(response.body);
				let next: URL | undefined;
				try {
					next = httpsUrl(new URL(location, url).href);
				} catch {
					next = undefined;
				}
				if (!next || hop >= MAX_REDIRECTS) return { kind: 'redirect_refused', host };
				url = next;
				continue;
			}
			const announced = Number(header(response, 'content-length'));
			if (Number.isFinite(announced) && announced > transfer.maxBytes) {
				discard(response.body);
				return { kind: 'too_large', host, announcedBytes: announced };
			}
			let read: BoundedRead;
			try {
				read = await readBody(response.body, transfer.maxBytes, deadline);
			} catch (error) {
				if (expired) return { kind: 'timed_out', host };
				return { kind: 'unreachable', host, ...failureReason(error, url) };
			}
			if (read.kind === 'timed_out') return { kind: 'timed_out', host };
			if (read.kind === 'too_large') return { kind: 'too_large', host };
			return { kind: 'answered', host, statusCode, bytes: read.bytes };
		}
	} finally {
		stop.abort();
	}
}

function megabytes(bytes: number): string {
	return `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
}

/** transferStorage for the action node: any failure is an error naming the item. */
export async function storageRequest(
	this: IExecuteFunctions,
	request: StorageRequest,
): Promise<Buffer> {
	const node = this.getNode();
	const { itemIndex } = request;
	const maxBytes = request.maxBytes ?? DEFAULT_MAX_BYTES;
	const answer = await transferStorage.call(this, {
		method: request.method,
		url: request.url,
		body: request.body,
		headers: request.headers,
		timeoutMs: 300_000,
		maxBytes,
	});
	const fresh =
		request.method === 'PUT'
			? 'Upload links expire after 15 minutes. Run the node again to get a fresh one.'
			: 'Download links can expire. Get the attachment again for a fresh link.';
	switch (answer.kind) {
		case 'not_https':
			throw new NodeApiError(
				node,
				{ message: 'not https' },
				{
					message: 'Linq returned a file address that is not https://, so it was not used',
					itemIndex,
				},
			);
		case 'redirect_refused':
			throw new NodeApiError(
				node,
				{ host: answer.host },
				{
					message: `Linq's file storage (${answer.host}) redirected too often or to an address that is not https://, so the redirect was not followed`,
					description: fresh,
					itemIndex,
				},
			);
		case 'too_large': {
			const size = answer.announcedBytes ? ` is ${megabytes(answer.announcedBytes)},` : '';
			throw new NodeApiError(
				node,
				{ host: answer.host },
				{
					message: `The file${size} more than ${megabytes(maxBytes)}, the most this node transfers, so it was not downloaded`,
					itemIndex,
				},
			);
		}
		case 'timed_out':
			throw new NodeApiError(
				node,
				{ host: answer.host },
				{
					message: `The transfer with Linq's file storage (${answer.host}) did not finish within 5 minutes`,
					description:
						'Check the network between n8n and the storage host, then run the node again.',
					itemIndex,
				},
			);
		case 'unreachable': {
			const headline = `Could not reach Linq's file storage (${answer.host})`;
			const error = new NodeApiError(
				node,
				{ code: answer.code ?? null, message: answer.message ?? null },
				{
					message: headline,
					description:
						'Check the network between n8n and the storage host, then run the node again.',
					itemIndex,
				},
			);
			// n8n swaps a message naming a socket error code for a generic one that names no host.
			error.message = headline;
			throw error;
		}
	}
	if (answer.statusCode >= 300) {
		const what = request.method === 'PUT' ? 'Uploading the file' : 'Downloading the file';
		throw new NodeApiError(
			node,
			{ status: answer.statusCode, message: answer.bytes.toString('utf8').slice(0, 300) },
			{
				message: `${what} failed with status ${answer.statusCode}`,
				description: fresh,
				httpCode: String(answer.statusCode),
				itemIndex,
			},
		);
	}
	return answer.bytes;
}
