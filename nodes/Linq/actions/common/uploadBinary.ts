import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { storageRequest } from '../../../shared/storage';
import type { BinaryFile } from '../../../shared/binaryFile';
import { linqApiRequest } from '../../../shared/transport';

/** Fields that describe the one-time upload, not the attachment. */
const UPLOAD_SLOT_FIELDS = ['upload_url', 'required_headers', 'http_method', 'expires_at'];

/**
 * Linq's attachment flow: announce the file, then PUT its bytes to the presigned URL with
 * exactly the headers the URL was signed with. Returns what Linq said about the attachment,
 * without the upload URL (a short-lived write credential, of no use once the bytes are there).
 */
export async function uploadBinary(
	this: IExecuteFunctions,
	itemIndex: number,
	file: BinaryFile,
): Promise<IDataObject> {
	const slot = await linqApiRequest.call(this, {
		method: 'POST',
		path: '/v3/attachments',
		body: {
			filename: file.fileName,
			content_type: file.contentType,
			size_bytes: file.buffer.length,
		},
		itemIndex,
		// Repeating it only reserves another unused upload slot; nothing is sent to anyone.
		idempotent: true,
	});
	if (typeof slot.attachment_id !== 'string' || typeof slot.upload_url !== 'string') {
		throw new NodeOperationError(this.getNode(), 'Linq did not return an upload URL for the file', {
			itemIndex,
		});
	}
	await storageRequest.call(this, {
		method: 'PUT',
		url: slot.upload_url,
		body: file.buffer,
		headers: { ...((slot.required_headers as Record<string, string> | undefined) ?? {}) },
		itemIndex,
	});
	const attachment = Object.fromEntries(
		Object.entries(slot).filter(([key]) => !UPLOAD_SLOT_FIELDS.includes(key)),
	);
	return {
		...attachment,
		filename: file.fileName,
		content_type: file.contentType,
		size_bytes: file.buffer.length,
	};
}
