import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readBinaryFile, type BinaryFile } from '../../shared/binaryFile';
import { requiredTextField } from '../../shared/fields';
import { isHttpsUrl } from '../../shared/httpsUrl';
import { itemIdempotencyKey } from '../../shared/idempotency';
import { requireText } from '../../shared/requireText';
import { textTooLong, textValue } from '../../shared/textValue';
import type { MultipartPart } from '../../shared/v2/multipart';

/** Attachments one V2 message may carry, by URL and uploaded together: more is a mistake upstream. */
const MAX_ATTACHMENTS = 10;
/** V2 accepts letters, digits, `-` and `_` in idempotency keys. */
const V2_IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]*$/;

export interface V2Message {
	text: string;
	idempotencyKey: string;
	attachmentUrls: string[];
	files: BinaryFile[];
}

export const textField = requiredTextField('The message text, up to 10,000 characters');

/** The options every V2 send has; Chat → Create adds its Display Name. */
export const messageOptions: INodeProperties[] = [
	{
		displayName: 'Attachment Binary Properties',
		name: 'binaryProperties',
		type: 'string',
		default: '',
		placeholder: 'data, invoice',
		description:
			'Files from n8n binary data to upload with the message: binary property names, separated by commas (up to 100 MB each)',
	},
	{
		displayName: 'Attachment URLs',
		name: 'attachmentUrls',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/photo.jpg',
		description:
			'Public https addresses Linq downloads and attaches (30 seconds each), separated by commas',
	},
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		description:
			'Linq V2 sends a message only once per key: letters, digits, - and _. When empty, the node derives one from the execution and item, so retries never send twice.',
	},
];

function list(value: string): string[] {
	return value
		.split(/[,\n]/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

/** Text, key and attachments of one item's message, all checked before anything is sent. */
export async function readV2Message(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<V2Message> {
	const node = this.getNode();
	const text = requireText(node, this.getNodeParameter('text', itemIndex), 'Text', itemIndex);
	const tooLong = textTooLong(text, 'Text');
	if (tooLong) throw new NodeOperationError(node, tooLong, { itemIndex });
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const given = textValue(node, options.idempotencyKey, 'Idempotency Key', itemIndex).trim();
	if (!V2_IDEMPOTENCY_KEY.test(given)) {
		throw new NodeOperationError(
			node,
			'Idempotency Key may only hold letters, digits, - and _ in the V2 API',
			{ itemIndex, description: 'Use a key like order-42.' },
		);
	}
	const attachmentUrls = list(
		textValue(node, options.attachmentUrls, 'Attachment URLs', itemIndex),
	);
	for (const url of attachmentUrls) {
		if (!isHttpsUrl(url)) {
			throw new NodeOperationError(node, `Attachment URL "${url.slice(0, 200)}" is not https`, {
				itemIndex,
				description: 'Linq downloads attachments from public https addresses only.',
			});
		}
	}
	const names = list(
		textValue(node, options.binaryProperties, 'Attachment Binary Properties', itemIndex),
	);
	if (attachmentUrls.length + names.length > MAX_ATTACHMENTS) {
		throw new NodeOperationError(
			node,
			`The message has ${attachmentUrls.length + names.length} attachments; up to ${MAX_ATTACHMENTS} are sent`,
			{ itemIndex },
		);
	}
	const files: BinaryFile[] = [];
	for (const name of names) files.push(await readBinaryFile.call(this, itemIndex, name));
	return {
		text,
		idempotencyKey: itemIdempotencyKey(this, itemIndex, given),
		attachmentUrls,
		files,
	};
}

/** The message as JSON fields (`text`, `idempotency_key`, `attachment_urls`). */
export function messageJson(message: V2Message): IDataObject {
	const json: IDataObject = { text: message.text, idempotency_key: message.idempotencyKey };
	if (message.attachmentUrls.length > 0) json.attachment_urls = message.attachmentUrls;
	return json;
}

/**
 * The message as form fields under `prefix` (`message`), Rails style: `message[text]`,
 * `message[attachment_urls][]`, one `message[attachments][]` part per file.
 */
export function messageParts(message: V2Message, prefix: string): MultipartPart[] {
	const parts: MultipartPart[] = [
		{ field: `${prefix}[text]`, value: message.text },
		{ field: `${prefix}[idempotency_key]`, value: message.idempotencyKey },
	];
	for (const url of message.attachmentUrls) {
		parts.push({ field: `${prefix}[attachment_urls][]`, value: url });
	}
	for (const file of message.files) {
		parts.push({
			field: `${prefix}[attachments][]`,
			fileName: file.fileName,
			contentType: file.contentType,
			bytes: file.buffer,
		});
	}
	return parts;
}
