'use strict';
/**
 * Linq V3 events (payload version 2026-02-03) about a chat that exists in the sandbox, built
 * from the chat as the fake's API returns it, so a workflow that replies reaches a real chat.
 */
const crypto = require('node:crypto');

const { messageEvent } = require('../../test/support/fakeLinq');

const KINDS = {
	text: 'message.received: a text from the other person',
	media: 'message.received: a photo with a caption',
	reaction: 'reaction.added: a love on our last message',
	typing: 'chat.typing_indicator.started',
	duplicate: 'message.received, delivered twice with the same signature (the workflow runs once)',
};

/** The other person in the chat (the first one that is not our line) and our line. */
function chatSides(chat) {
	const ours = chat.handles.find((handle) => handle.is_me);
	const them = chat.handles.find((handle) => !handle.is_me);
	return { line: ours.handle, sender: them.handle };
}

function envelope(eventType, data) {
	return {
		api_version: 'v3',
		webhook_version: '2026-02-03',
		event_id: crypto.randomUUID(),
		event_type: eventType,
		created_at: new Date().toISOString(),
		trace_id: crypto.randomBytes(16).toString('hex'),
		partner_id: 'partner_sandbox',
		data,
	};
}

/** `kind` one of KINDS; `text` for text and media; `messageId` of ours for a reaction. */
function sandboxEvent(kind, { chat, text, messageId }) {
	const { line, sender } = chatSides(chat);
	const message = (parts) => {
		const event = messageEvent({ chatId: chat.id, from: sender, to: line, parts });
		event.data.chat.is_group = chat.is_group;
		return event;
	};
	switch (kind) {
		case 'text':
		case 'duplicate':
			return message([{ type: 'text', value: text || 'YES, see you Thursday!' }]);
		case 'media':
			return message([
				{ type: 'text', value: text || 'Here is a photo of the insurance card' },
				{
					type: 'media',
					id: crypto.randomUUID(),
					url: 'https://cdn.linq.example/sandbox/insurance-card.jpg',
					filename: 'insurance-card.jpg',
					mime_type: 'image/jpeg',
					size_bytes: 48213,
				},
			]);
		case 'reaction':
			return envelope('reaction.added', {
				is_from_me: false,
				reaction_type: 'love',
				chat_id: chat.id,
				from_handle: chat.handles.find((handle) => handle.handle === sender),
				message_id: messageId ?? crypto.randomUUID(),
				part_index: 0,
				reacted_at: new Date().toISOString(),
				service: 'iMessage',
			});
		case 'typing':
			return envelope('chat.typing_indicator.started', { chat_id: chat.id });
		default:
			throw new Error(`Unknown event "${kind}"; one of: ${Object.keys(KINDS).join(', ')}.`);
	}
}

module.exports = { KINDS, sandboxEvent, chatSides };
