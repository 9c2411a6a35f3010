import type { IDataObject } from 'n8n-workflow';

import { isHttpsUrl } from '../../../shared/httpsUrl';
import { textTooLong } from '../../../shared/textValue';
import { LIMITS } from './limits';
import type { TextDecoration } from './textMarkup';

export type MediaSource =
	| { source: 'url'; url: string }
	| { source: 'binary'; binaryPropertyName: string }
	/** A file already uploaded with Attachment → Upload, reused without uploading again. */
	| { source: 'attachment'; attachmentId: string };

/** What the user asked to send, as read from the node's fields. */
export interface MessageContentInput {
	text: string;
	/** iMessage styles and animations on ranges of `text`. */
	textDecorations?: TextDecoration[];
	media: MediaSource[];
	/** Media parts go before the text part instead of after it. */
	mediaFirst?: boolean;
	link: string;
	/** An `imessage_app` part, already read and checked; it must be the only part. */
	appCard?: IDataObject;
	preferredService?: string;
	/** `screen:confetti`, `bubble:slam`, ... */
	effect?: string;
	replyToMessageId?: string;
	replyToPartIndex?: number;
	idempotencyKey?: string;
	/** The first message of a new chat may not carry a link (Linq error 1005). */
	firstMessageOfNewChat?: boolean;
}

/** A reason to refuse the content, with the display name of the field to fix. */
export interface ContentProblem {
	field: string;
	message: string;
}

const URL_IN_TEXT = /\bhttps?:\/\/\S|\bwww\.\S/i;

function isWebUrl(value: string): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
}

/** Checks everything Linq would refuse that can be known before any request. */
export function checkMessageContent(input: MessageContentInput): ContentProblem | undefined {
	const text = input.text;
	const link = input.link.trim();
	if (input.appCard) {
		if (text.trim() || input.media.length > 0 || link) {
			return {
				field: 'iMessage App Card',
				message: 'iMessage App Card must be sent alone: clear Text, Media and Link',
			};
		}
		if (input.preferredService && input.preferredService !== 'iMessage') {
			return {
				field: 'iMessage App Card',
				message: `iMessage App Card is never sent over ${input.preferredService}: set Preferred Service to Auto or iMessage`,
			};
		}
	} else if (!text.trim() && input.media.length === 0 && !link) {
		return { field: 'Text', message: 'Text, Media and Link are all empty: give at least one' };
	}
	const tooLong = textTooLong(text, 'Text');
	if (tooLong) return { field: 'Text', message: tooLong };
	if (link && (text.trim() || input.media.length > 0)) {
		return {
			field: 'Link',
			message:
				'Link must be sent alone: clear Text and Media, or put the URL in Text to send it without a preview card',
		};
	}
	if (link && !isWebUrl(link)) {
		return { field: 'Link', message: `Link "${link}" is not a web address starting with https://` };
	}
	if (link.length > LIMITS.linkLength) {
		return { field: 'Link', message: `Link is longer than ${LIMITS.linkLength} characters` };
	}
	if (input.firstMessageOfNewChat && (link || URL_IN_TEXT.test(text))) {
		const field = link ? 'Link' : 'Text';
		return {
			field,
			message: `${field} holds a link, which the first message of a new chat may not (Linq error 1005): send the link in a follow-up message`,
		};
	}
	for (const [index, media] of input.media.entries()) {
		if (media.source === 'url' && !isHttpsUrl(media.url.trim())) {
			return {
				field: 'Media URL',
				message: `Media URL ${index + 1} "${media.url}" must be a public https:// address`,
			};
		}
		if (media.source === 'binary' && !media.binaryPropertyName.trim()) {
			return {
				field: 'Binary Property',
				message: `Binary Property of media ${index + 1} is empty`,
			};
		}
	}
	const urlMedia = input.media.filter((media) => media.source === 'url').length;
	if (urlMedia > LIMITS.urlMediaParts) {
		return {
			field: 'Media URL',
			message: `Media URL is used ${urlMedia} times; Linq downloads at most ${LIMITS.urlMediaParts} per message. Send the rest as binary data.`,
		};
	}
	if (input.media.length + (text.trim() ? 1 : 0) > LIMITS.parts) {
		return { field: 'Media', message: `Media makes the message longer than ${LIMITS.parts} parts` };
	}
	if (input.effect !== undefined && !/^[a-z_]+:[A-Za-z0-9_-]+$/.test(input.effect)) {
		return {
			field: 'Effect',
			message: `Effect "${input.effect.slice(0, 50)}" needs a type and a name, like screen:confetti or bubble:slam`,
		};
	}
	if (input.replyToPartIndex !== undefined && !input.replyToMessageId?.trim()) {
		return {
			field: 'Reply To Message ID',
			message: 'Reply To Part Index needs a Reply To Message ID',
		};
	}
	return undefined;
}

/**
 * The `message` object of every Linq send. Binary media must already be uploaded:
 * `attachmentIds` holds one attachment ID per binary media entry, in order.
 */
export function buildMessageContent(
	input: MessageContentInput,
	attachmentIds: string[] = [],
): IDataObject {
	const parts: IDataObject[] = [];
	const link = input.link.trim();
	if (input.appCard) {
		parts.push(input.appCard);
	} else if (link) {
		parts.push({ type: 'link', value: link });
	} else {
		let uploaded = 0;
		const mediaParts = input.media.map((media): IDataObject => {
			if (media.source === 'url') return { type: 'media', url: media.url.trim() };
			if (media.source === 'attachment')
				return { type: 'media', attachment_id: media.attachmentId };
			return { type: 'media', attachment_id: attachmentIds[uploaded++] };
		});
		const textParts: IDataObject[] = [];
		if (input.text.trim()) {
			textParts.push(
				input.textDecorations?.length
					? {
							type: 'text',
							value: input.text,
							text_decorations: input.textDecorations as unknown as IDataObject[],
						}
					: { type: 'text', value: input.text },
			);
		}
		parts.push(
			...(input.mediaFirst ? [...mediaParts, ...textParts] : [...textParts, ...mediaParts]),
		);
	}

	const content: IDataObject = { parts };
	if (input.effect) {
		const [type, name] = input.effect.split(':');
		content.effect = { type, name };
	}
	if (input.idempotencyKey) content.idempotency_key = input.idempotencyKey;
	if (input.preferredService) content.preferred_service = input.preferredService;
	const replyTo = input.replyToMessageId?.trim();
	if (replyTo) {
		content.reply_to =
			input.replyToPartIndex === undefined
				? { message_id: replyTo }
				: { message_id: replyTo, part_index: input.replyToPartIndex };
	}
	return content;
}
