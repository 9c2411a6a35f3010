import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { storageRequest } from '../../../shared/storage';
import { linqApiRequest } from '../../../shared/transport';
import { LIMITS } from './limits';

/** Fields that describe the one-time upload, not the attachment. */
const UPLOAD_SLOT_FIELDS = ['upload_url', 'required_headers', 'http_method', 'expires_at'];

export interface BinaryFile {
	binaryPropertyName: string;
	buffer: Buffer;
	fileName: string;
	contentType: string;
}

export interface FileOverrides {
	fileName?: string;
	contentType?: string;
	/** Only these content types are accepted, e.g. `audio/` for voice memos. */
	requiredTypePrefix?: string;
}

/**
 * Reads an n8n binary property and checks it against Linq's limits, so that every file of
 * an item is known to be sendable before the first request goes out.
 */
export async function readBinaryFile(
	this: IExecuteFunctions,
	itemIndex: number,
	binaryPropertyName: string,
	overrides: FileOverrides = {},
): Promise<BinaryFile> {
	const name = binaryPropertyName.trim();
	const binary = this.helpers.assertBinaryData(itemIndex, name);
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, name);
	const contentType = (overrides.contentType || binary.mimeType || '').trim().toLowerCase();
	const fileName = (overrides.fileName || binary.fileName || '').trim() || `${name}`;
	const node = this.getNode();
	if (buffer.length === 0) {
		throw new NodeOperationError(node, `Binary Property "${name}" holds an empty file`, {
			itemIndex,
		});
	}
	if (buffer.length > LIMITS.uploadBytes) {
		throw new NodeOperationError(
			node,
			`Binary Property "${name}" is ${Math.ceil(buffer.length / 1024 / 1024)} MB; Linq accepts files up to 100 MB`,
			{ itemIndex },
		);
	}
	if (!contentType) {
		throw new NodeOperationError(node, `Binary Property "${name}" has no MIME type`, {
			itemIndex,
			description: 'Set the Content Type option, for example image/jpeg.',
		});
	}
	if (overrides.requiredTypePrefix && !contentType.startsWith(overrides.requiredTypePrefix)) {
		throw new NodeOperationError(
			node,
			`Binary Property "${name}" holds ${contentType}; this needs a ${overrides.requiredTypePrefix}* file`,
			{ itemIndex },
		);
	}
	return { binaryPropertyName: name, buffer, fileName, contentType };
}

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
