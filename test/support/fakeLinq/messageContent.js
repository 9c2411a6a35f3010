'use strict';
/** The `message` body every send takes (new chat, in a chat, to handles) and the message it stores. */
const { LinqHttpError, now, uuid, invalid, handleObject } = require('./common');

function partsForResponse(content) {
	return (content.parts ?? []).map((part) => {
		if (part.type === 'media') {
			return {
				type: 'media',
				id: part.attachment_id ?? uuid(),
				url: part.url ?? `https://cdn.linq.test/${part.attachment_id}`,
				filename: 'file',
				mime_type: 'application/octet-stream',
				size_bytes: 0,
				reactions: null,
			};
		}
		return { ...part, reactions: null };
	});
}

/** As Linq documents text_decorations: in-bounds UTF-16 ranges, one style or animation each, animations overlapping nothing. */
function checkDecorations(value, decorations) {
	const styles = ['bold', 'italic', 'strikethrough', 'underline'];
	const animations = ['big', 'small', 'shake', 'nod', 'explode', 'ripple', 'bloom', 'jitter'];
	if (!Array.isArray(decorations)) throw invalid('text_decorations must be an array');
	for (const decoration of decorations) {
		const [start, end] = decoration.range ?? [];
		if (
			!Number.isInteger(start) ||
			!Number.isInteger(end) ||
			start < 0 ||
			end > value.length ||
			start >= end
		)
			throw invalid(
				`text_decorations range ${JSON.stringify(decoration.range)} is outside the text`,
			);
		const kinds = [decoration.style, decoration.animation].filter((kind) => kind !== undefined);
		if (kinds.length !== 1)
			throw invalid('each text decoration needs exactly one of style or animation');
		if (decoration.style !== undefined && !styles.includes(decoration.style))
			throw invalid(`unknown style ${decoration.style}`);
		if (decoration.animation !== undefined && !animations.includes(decoration.animation))
			throw invalid(`unknown animation ${decoration.animation}`);
	}
	for (const a of decorations) {
		if (a.animation === undefined) continue;
		for (const b of decorations) {
			if (a !== b && a.range[0] < b.range[1] && b.range[0] < a.range[1])
				throw invalid('an animation range overlaps another decoration');
		}
	}
}

/** The body's `message`, refused as Linq refuses it: no parts, bad decorations, unknown or unuploaded attachments. */
function requireContent(state, body) {
	const content = body?.message;
	if (!content || !Array.isArray(content.parts) || content.parts.length === 0) {
		throw invalid('message.parts is required');
	}
	for (const part of content.parts) {
		if (part.type === 'text' && part.text_decorations !== undefined) {
			checkDecorations(part.value, part.text_decorations);
		}
		if (part.type === 'media' && part.attachment_id) {
			const attachment = state.attachments.get(part.attachment_id);
			if (!attachment)
				throw new LinqHttpError(400, 5001, `Attachment ${part.attachment_id} not found`);
			if (!attachment.bytes)
				throw new LinqHttpError(400, 5002, `Attachment ${part.attachment_id} was never uploaded`);
		}
	}
	return content;
}

/** Stores `content` as a message sent into `chat` and returns it as the send answers it. */
function storeMessage(state, chat, content) {
	const message = {
		id: uuid(),
		created_at: now(),
		sent_at: null,
		delivered_at: null,
		delivery_status: 'queued',
		is_read: false,
		parts: partsForResponse(content),
		effect: content.effect ?? null,
		from_handle: handleObject(chat.from, { isMe: true }),
		preferred_service: content.preferred_service ?? null,
		reply_to: content.reply_to ?? null,
	};
	state.messages.set(message.id, {
		...message,
		chat_id: chat.id,
		is_from_me: true,
		is_delivered: false,
		updated_at: message.created_at,
		reactions: [],
	});
	chat.messageIds.push(message.id);
	return message;
}

module.exports = { requireContent, storeMessage };
