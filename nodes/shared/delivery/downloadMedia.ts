import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { transferStorage } from '../storage';
import type { MediaRef } from './shapeEvent';

export interface MediaDownloadOptions {
	maxBytes: number;
	/** Binary properties are named `<prefix>0`, `<prefix>1`, … in the order of the media parts. */
	prefix: string;
}

export interface MediaDownloadError extends IDataObject {
	index: number;
	binary_property: string;
	filename: string | null;
	error: string;
}

export interface MediaDownloadResult {
	binary: IBinaryKeyData;
	errors: MediaDownloadError[];
}

const DOWNLOAD_TIMEOUT_MS = 60_000;

function megabytes(bytes: number): string {
	return `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
}

type Fetched = { ok: true; bytes: Buffer } | { ok: false; error: string };

function tooLarge(bytes: number, maxBytes: number): string {
	return `the file is ${megabytes(bytes)}, more than the maximum of ${megabytes(maxBytes)}`;
}

/** Media URLs in events are presigned links: they are never written into logs or errors. */
async function fetchMedia(
	this: IWebhookFunctions,
	url: string,
	maxBytes: number,
): Promise<Fetched> {
	const answer = await transferStorage.call(this, {
		method: 'GET',
		url,
		timeoutMs: DOWNLOAD_TIMEOUT_MS,
	});
	if (answer.kind === 'not_https')
		return { ok: false, error: 'the link is not https://, so it was not fetched' };
	if (answer.kind === 'unreachable') {
		const code = (answer.error as { code?: unknown } | null)?.code;
		return {
			ok: false,
			error: `the download did not complete${typeof code === 'string' ? ` (${code})` : ''}`,
		};
	}
	if (answer.statusCode >= 300) {
		return {
			ok: false,
			error: `Linq's storage answered ${answer.statusCode}; media links expire after an hour`,
		};
	}
	if (answer.bytes.length > maxBytes)
		return { ok: false, error: tooLarge(answer.bytes.length, maxBytes) };
	return { ok: true, bytes: answer.bytes };
}

/**
 * Downloads every media part into binary properties. A part that cannot be downloaded is
 * reported in `errors` and the others still arrive: the event itself is never lost.
 */
export async function downloadMedia(
	this: IWebhookFunctions,
	media: readonly MediaRef[],
	options: MediaDownloadOptions,
): Promise<MediaDownloadResult> {
	const binary: IBinaryKeyData = {};
	const errors: MediaDownloadError[] = [];
	for (const [index, part] of media.entries()) {
		const property = `${options.prefix}${index}`;
		const fetched =
			part.size_bytes !== null && part.size_bytes > options.maxBytes
				? ({ ok: false, error: tooLarge(part.size_bytes, options.maxBytes) } as const)
				: await fetchMedia.call(this, part.url, options.maxBytes);
		if (!fetched.ok) {
			errors.push({
				index,
				binary_property: property,
				filename: part.filename,
				error: fetched.error,
			});
			continue;
		}
		try {
			binary[property] = await this.helpers.prepareBinaryData(
				fetched.bytes,
				part.filename ?? undefined,
				part.mime_type ?? undefined,
			);
		} catch (error) {
			const reason = error instanceof Error ? `: ${error.message}` : '';
			errors.push({
				index,
				binary_property: property,
				filename: part.filename,
				error: `n8n could not store the file${reason}`,
			});
		}
	}
	return { binary, errors };
}
