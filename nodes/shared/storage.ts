import {
	NodeApiError,
	type IExecuteFunctions,
	type IHttpRequestMethods,
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

/**
 * The one request this package sends outside the Linq API: file bytes to or from Linq's
 * storage. Presigned URLs carry their own authorisation, so our API token must never go
 * with them (it would leak to the storage host, and S3 refuses a second credential).
 */
export async function storageRequest(this: IExecuteFunctions, request: StorageRequest): Promise<Buffer> {
	const node = this.getNode();
	const host = httpsHost(request.url);
	if (!host) {
		throw new NodeApiError(
			node,
			{ url: request.url },
			{
				message: 'Linq returned a file address that is not https://, so it was not used',
				itemIndex: request.itemIndex,
			},
		);
	}

	let response: { body: unknown; statusCode: number };
	try {
		response = (await this.helpers.httpRequest({
			method: request.method,
			url: request.url,
			body: request.body,
			headers: request.headers,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 300_000,
		})) as { body: unknown; statusCode: number };
	} catch (error) {
		throw new NodeApiError(node, error as JsonObject, {
			message: `Could not reach Linq's file storage (${host})`,
			description: 'Check the network between n8n and the storage host, then run the node again.',
			itemIndex: request.itemIndex,
		});
	}
	const raw = response.body;
	const body = Buffer.isBuffer(raw)
		? raw
		: raw instanceof ArrayBuffer
			? Buffer.from(raw)
			: Buffer.from(typeof raw === 'string' ? raw : '');
	if (response.statusCode >= 300) {
		const what = request.method === 'PUT' ? 'Uploading the file' : 'Downloading the file';
		throw new NodeApiError(
			node,
			{ status: response.statusCode, message: body.toString('utf8').slice(0, 300) },
			{
				message: `${what} failed with status ${response.statusCode}`,
				description:
					request.method === 'PUT'
						? 'Upload links expire after 15 minutes. Run the node again to get a fresh one.'
						: 'Download links can expire. Get the attachment again for a fresh link.',
				httpCode: String(response.statusCode),
				itemIndex: request.itemIndex,
			},
		);
	}
	return body;
}
