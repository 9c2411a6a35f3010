import {
	NodeApiError,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

export interface StorageRequest {
	method: Extract<IHttpRequestMethods, 'GET' | 'PUT'>;
	/** A presigned upload URL or a file download URL, both handed out by Linq. */
	url: string;
	body?: Buffer;
	headers?: Record<string, string>;
	itemIndex: number;
}

function httpsHost(value: string): string | undefined {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' ? url.host : undefined;
	} catch {
		return undefined;
	}
}

export interface StorageTransfer {
	method: Extract<IHttpRequestMethods, 'GET' | 'PUT'>;
	url: string;
	body?: Buffer;
	headers?: Record<string, string>;
	timeoutMs: number;
}

export type StorageAnswer =
	| { kind: 'answered'; host: string; statusCode: number; bytes: Buffer }
	| { kind: 'not_https' }
	| { kind: 'unreachable'; host: string; error: unknown };

/**
 * File bytes to or from Linq's storage: the one kind of request this package sends outside
 * the Linq API. Presigned URLs carry their own authorisation, so our API token never goes
 * with them (it would leak to the storage host, and S3 refuses a second credential). Only
 * https addresses are used. Callers decide what a failure means for them.
 */
export async function transferStorage(
	this: IExecuteFunctions | IWebhookFunctions,
	transfer: StorageTransfer,
): Promise<StorageAnswer> {
	const host = httpsHost(transfer.url);
	if (!host) return { kind: 'not_https' };
	let response: { body: unknown; statusCode: number };
	try {
		response = (await this.helpers.httpRequest({
			method: transfer.method,
			url: transfer.url,
			body: transfer.body,
			headers: transfer.headers,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: transfer.timeoutMs,
		})) as { body: unknown; statusCode: number };
	} catch (error) {
		return { kind: 'unreachable', host, error };
	}
	const raw = response.body;
	const bytes = Buffer.isBuffer(raw)
		? raw
		: raw instanceof ArrayBuffer
			? Buffer.from(raw)
			: Buffer.from(typeof raw === 'string' ? raw : '');
	return { kind: 'answered', host, statusCode: response.statusCode, bytes };
}

/** transferStorage for the action node: any failure is an error naming the item. */
export async function storageRequest(
	this: IExecuteFunctions,
	request: StorageRequest,
): Promise<Buffer> {
	const node = this.getNode();
	const answer = await transferStorage.call(this, { ...request, timeoutMs: 300_000 });
	if (answer.kind === 'not_https') {
		throw new NodeApiError(
			node,
			{ url: request.url },
			{
				message: 'Linq returned a file address that is not https://, so it was not used',
				itemIndex: request.itemIndex,
			},
		);
	}
	if (answer.kind === 'unreachable') {
		throw new NodeApiError(node, answer.error as JsonObject, {
			message: `Could not reach Linq's file storage (${answer.host})`,
			description: 'Check the network between n8n and the storage host, then run the node again.',
			itemIndex: request.itemIndex,
		});
	}
	if (answer.statusCode >= 300) {
		const what = request.method === 'PUT' ? 'Uploading the file' : 'Downloading the file';
		throw new NodeApiError(
			node,
			{ status: answer.statusCode, message: answer.bytes.toString('utf8').slice(0, 300) },
			{
				message: `${what} failed with status ${answer.statusCode}`,
				description:
					request.method === 'PUT'
						? 'Upload links expire after 15 minutes. Run the node again to get a fresh one.'
						: 'Download links can expire. Get the attachment again for a fresh link.',
				httpCode: String(answer.statusCode),
				itemIndex: request.itemIndex,
			},
		);
	}
	return answer.bytes;
}
