import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** The largest file Linq accepts from a node. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

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
 * Reads an n8n binary property and checks it against Linq's limits (V3 and V2 alike), so that every file of
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
	if (buffer.length > MAX_UPLOAD_BYTES) {
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
