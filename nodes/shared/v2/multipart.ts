import { randomBytes } from 'crypto';

export type MultipartPart =
	| { field: string; value: string }
	| { field: string; fileName: string; contentType: string; bytes: Buffer };

export interface MultipartBody {
	bytes: Buffer;
	contentType: string;
}

/**
 * Quotes and line breaks would end the header they sit in: a file name from n8n binary data
 * could otherwise add headers or parts of its own.
 */
function headerSafe(value: string): string {
	return value.replace(/["\r\n\\]/g, '_');
}

/**
 * A multipart/form-data body (RFC 7578), built here because n8n lets community nodes import no
 * form-data package. The boundary is random, so no file can contain it by accident or design
 * with any real chance.
 */
export function encodeMultipart(parts: MultipartPart[]): MultipartBody {
	const boundary = `n8n-linq-${randomBytes(16).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${headerSafe(part.field)}"`;
		if ('bytes' in part) {
			head += `; filename="${headerSafe(part.fileName)}"\r\nContent-Type: ${headerSafe(part.contentType)}`;
			chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'), part.bytes, Buffer.from('\r\n'));
		} else {
			chunks.push(Buffer.from(`${head}\r\n\r\n${part.value}\r\n`, 'utf8'));
		}
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return {
		bytes: Buffer.concat(chunks),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}
