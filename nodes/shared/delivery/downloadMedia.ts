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
/** Downloads run one after another while Linq waits for the answer: a bounded number. */
export const MAX_MEDIA_DOWNLOADS = 10;

function megabytes(bytes: number): string {
	return `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
}

type Fetched = { ok: true; bytes: Buffer } | { ok: false; error: string };

function tooLarge(maxBytes: number, bytes?: number): string {
	const size = bytes === undefined ? '' : ` ${megabytes(bytes)},`;
	return `the file is${size} more than the maximum of ${megabytes(maxBytes)}`;
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
		maxBytes,
	});
	switch (answer.kind) {
		case 'not_https':
			return { ok: false, error: 'the link is not https://, so it was not fetched' };
		case 'redirect_refused':
			return {
				ok: false,
				error:
					'the storage host redirected too often or to an address that is not https://, so the redirect was not followed',
			};
		case 'too_large':
			return { ok: false, error: tooLarge(maxBytes, answer.announcedBytes) };
		case 'timed_out':
			return {
				ok: false,
				error: `the download did not finish within ${DOWNLOAD_TIMEOUT_MS / 1000} s`,
			};
		case 'unreachable':
			return {
				ok: false,
				error: `the download did not complete${answer.code ? ` (${answer.code})` : ''}`,
			};
	}
	if (answer.statusCode >= 300) {
		return {
			ok: false,
			error: `Linq's storage answered ${answer.statusCode}; media links expire after an hour`,
		};
	}
	return { ok: true, bytes: answer.bytes };
}

/**
 * Downloads the first MAX_MEDIA_DOWNLOADS media parts into binary properties. A part that
 * cannot be downloaded is reported in `errors` and the others still arrive: the event itself
 * is never lost. Parts past the cap get one entry in `errors` that says how many were skipped.
 */
export async function downloadMedia(
	this: IWebhookFunctions,
	media: readonly MediaRef[],
	options: MediaDownloadOptions,
): Promise<MediaDownloadResult> {
	const binary: IBinaryKeyData = {};
	const errors: MediaDownloadError[] = [];
	for (const [index, part] of media.slice(0, MAX_MEDIA_DOWNLOADS).entries()) {
		const property = `${options.prefix}${index}`;
		const fetched =
			part.size_bytes !== null && part.size_bytes > options.maxBytes
				? ({ ok: false, error: tooLarge(options.maxBytes, part.size_bytes) } as const)
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
	const skipped = media.length - MAX_MEDIA_DOWNLOADS;
	if (skipped > 0) {
		errors.push({
			index: MAX_MEDIA_DOWNLOADS,
			binary_property: `${options.prefix}${MAX_MEDIA_DOWNLOADS}`,
			filename: media[MAX_MEDIA_DOWNLOADS].filename,
			error: `${skipped.toLocaleString('en-US')} media parts, from this one on, were not downloaded: the trigger downloads at most ${MAX_MEDIA_DOWNLOADS} per event`,
		});
	}
	return { binary, errors };
}
