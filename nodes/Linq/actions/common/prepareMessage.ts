import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
} from 'n8n-workflow';

import { itemIdempotencyKey } from '../../../shared/idempotency';
import {
	buildMessageContent,
	checkMessageContent,
	type MediaSource,
	type MessageContentInput,
} from './messageContent';
import type { SmsAnalysis } from '../../../shared/smsAnalysis';
import { paceSend } from './pacing';
import { partIndex } from './partIndex';
import { textValue } from '../../../shared/textValue';
import { requireId } from './requireId';
import { readBinaryFile, type BinaryFile } from '../../../shared/binaryFile';
import { readAppCardPart } from './appCard';
import { checkSmsSafety } from './smsSafety';
import { parseTextMarkup } from './textMarkup';
import { uploadBinary } from './uploadBinary';

export interface PreparedMessage {
	/** The checked content; binary media are still files, not attachment IDs. */
	input: MessageContentInput;
	files: BinaryFile[];
	/** The SMS analysis for the output, unless SMS Safety is Off. */
	sms?: SmsAnalysis;
	/** Who the message goes to, for Pacing: the recipients or the chat. */
	pair?: string;
}

function readMedia(ctx: IExecuteFunctions, itemIndex: number): MediaSource[] {
	const node = ctx.getNode();
	const media = ctx.getNodeParameter('media.mediaValues', itemIndex, []) as IDataObject[];
	return media.map((entry): MediaSource => {
		if (entry.source === 'binary') {
			return {
				source: 'binary',
				binaryPropertyName: textValue(node, entry.binaryPropertyName, 'Binary Property', itemIndex),
			};
		}
		if (entry.source === 'attachment') {
			return {
				source: 'attachment',
				attachmentId: requireId(node, entry.attachmentId, 'Attachment ID', itemIndex),
			};
		}
		return { source: 'url', url: textValue(node, entry.url, 'Media URL', itemIndex) };
	});
}

/** The iMessage App Card field, when it is filled in. */
function readAppCard(node: INode, values: unknown, itemIndex: number): IDataObject | undefined {
	if (values === null || typeof values !== 'object' || Array.isArray(values)) return undefined;
	return readAppCardPart(node, values as IDataObject, itemIndex);
}

/** The Text field, and with Text Formatting → Markup its decorations. */
function readText(
	node: INode,
	source: string,
	format: unknown,
	itemIndex: number,
): Pick<MessageContentInput, 'text' | 'textDecorations'> {
	if (format !== 'markup') return { text: source };
	const parsed = parseTextMarkup(source);
	if (!parsed.ok) {
		throw new NodeOperationError(node, parsed.message, {
			itemIndex,
			description: `Nothing was sent. Fix the markup in the Text of item ${itemIndex}, or set Options → Text Formatting to Plain Text.`,
		});
	}
	return { text: parsed.text, textDecorations: parsed.decorations };
}

/**
 * Reads and checks a send's content, and reads its binary files, without any request: a
 * mistake in item 7 must not leave items 0-6 half sent or files uploaded for nothing.
 */
export async function prepareMessage(
	this: IExecuteFunctions,
	itemIndex: number,
	context: { pair?: string; firstMessageOfNewChat?: boolean } = {},
): Promise<PreparedMessage> {
	const node = this.getNode();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const text = (name: string, field: string, value: unknown) =>
		textValue(node, value ?? this.getNodeParameter(name, itemIndex, ''), field, itemIndex);
	const input: MessageContentInput = {
		...readText(node, text('text', 'Text', undefined), options.textFormat, itemIndex),
		media: readMedia(this, itemIndex),
		mediaFirst: options.mediaPosition === 'before',
		link: text('link', 'Link', undefined),
		appCard: readAppCard(node, this.getNodeParameter('appCard.card', itemIndex, null), itemIndex),
		preferredService:
			textValue(node, options.preferredService, 'Preferred Service', itemIndex) || undefined,
		effect: textValue(node, options.effect, 'Effect', itemIndex) || undefined,
		replyToMessageId:
			textValue(node, options.replyToMessageId, 'Reply To Message ID', itemIndex) || undefined,
		replyToPartIndex: partIndex(node, options.replyToPartIndex, 'Reply To Part Index', itemIndex),
		idempotencyKey: itemIdempotencyKey(
			this,
			itemIndex,
			textValue(node, options.idempotencyKey, 'Idempotency Key', itemIndex),
		),
		firstMessageOfNewChat: context.firstMessageOfNewChat,
	};
	const problem = checkMessageContent(input);
	if (problem) {
		throw new NodeOperationError(this.getNode(), problem.message, {
			itemIndex,
			description: `Fix the ${problem.field} field of item ${itemIndex}.`,
		});
	}
	const sms = checkSmsSafety(node, input, options, itemIndex);
	const files: BinaryFile[] = [];
	for (const media of input.media) {
		if (media.source === 'binary') {
			files.push(await readBinaryFile.call(this, itemIndex, media.binaryPropertyName));
		}
	}
	return { input, files, sms, pair: context.pair };
}

/**
 * Uploads the prepared files and returns the `message` object to send. With Options → Pacing,
 * it returns only when it is this item's turn to send, so the send follows right away.
 */
export async function messageWithUploads(
	this: IExecuteFunctions,
	itemIndex: number,
	prepared: PreparedMessage,
): Promise<IDataObject> {
	const attachmentIds: string[] = [];
	for (const file of prepared.files) {
		attachmentIds.push((await uploadBinary.call(this, itemIndex, file)).attachment_id as string);
	}
	const content = buildMessageContent(prepared.input, attachmentIds);
	if (prepared.pair !== undefined) await paceSend(this, itemIndex, prepared.pair);
	return content;
}

/** A send's output: Linq's answer, with the SMS analysis as `sms` unless SMS Safety is Off. */
export function withSmsAnalysis(answer: IDataObject, prepared: PreparedMessage): IDataObject {
	return prepared.sms ? { ...answer, sms: prepared.sms as unknown as IDataObject } : answer;
}
