'use strict';
/** The `message` a V2 send takes (text, idempotency_key, attachment_urls, attachments) and the message it stores. */
const crypto = require('node:crypto');
const { now, nextId, badRequest, unprocessable } = require('./common');

/** Sends `message` into `chat`; a repeated idempotency_key gives the first message back. */
function send(state, chat, message) {
	if (typeof message?.text !== 'string' || message.text === '') {
		throw badRequest('message text is required');
	}
	const key = message.idempotency_key;
	if (key !== undefined && !/^[a-zA-Z0-9_-]+$/.test(key)) {
		throw unprocessable('idempotency_key is invalid');
	}
	if (key && state.sentKeys.has(key)) return { message: state.sentKeys.get(key), repeated: true };
	const attachments = [
		...(message.attachment_urls ?? []).map((link) => ({
			id: crypto.randomUUID(),
			url: link,
			filename: link.split('/').pop(),
			mime_type: 'application/octet-stream',
			file_size: 0,
		})),
		...(message.attachments ?? []).map((file) => ({
			id: crypto.randomUUID(),
			url: `https://files.linq.test/${file.fileName}`,
			filename: file.fileName,
			mime_type: file.contentType,
			file_size: file.bytes.length,
		})),
	];
	const sent = {
		id: nextId(state),
		chat_id: chat.id,
		text: message.text,
		sent_at: now(),
		delivered_at: null,
		delivery_status: 'pending',
		edited_at: null,
		is_read: false,
		sent_from: chat.from,
		chat_handle_id: chat.chat_handles[0].id,
		attachments,
		reactions: [],
	};
	state.messages.set(sent.id, sent);
	chat.messageIds.push(sent.id);
	if (key) state.sentKeys.set(key, sent);
	return { message: sent, repeated: false };
}

module.exports = { send };
