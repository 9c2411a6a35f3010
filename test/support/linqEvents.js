'use strict';
/**
 * Linq webhook payloads in both versions, shaped after the SDK's types
 * (@linqapp/sdk/src/resources/webhooks.ts: MessageReceivedWebhookEvent / MessageEventV2 for
 * `?version=2026-02-03`; the older 2025-01-01 message payload nests the message under
 * `data.message` and says `is_from_me` instead of `direction`).
 */
const LINE = '+15550000001';
const SENDER = '+15551230001';
const MEDIA_URL = 'https://cdn.linq.test/attachments/att_1/photo.jpg';

let counter = 0;
function nextEventId() {
	counter += 1;
	return `8b6c1f0e-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

function handle(value, isMe) {
	return {
		id: `hdl_${value.slice(-4)}`,
		handle: value,
		joined_at: '2026-11-01T10:00:00Z',
		service: 'iMessage',
		is_me: isMe,
		status: 'active',
	};
}

function envelope(eventType, data, overrides = {}) {
	return {
		api_version: 'v3',
		webhook_version: '2026-02-03',
		event_type: eventType,
		event_id: nextEventId(),
		created_at: '2026-11-23T16:00:00.000Z',
		trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
		partner_id: 'partner_1',
		data,
		...overrides,
	};
}

function textPart(value) {
	return { type: 'text', value };
}

function mediaPart({
	url = MEDIA_URL,
	filename = 'photo.jpg',
	mimeType = 'image/jpeg',
	size = 11,
} = {}) {
	return { type: 'media', id: 'att_1', url, filename, mime_type: mimeType, size_bytes: size };
}

/** A message event in the 2026-02-03 format. */
function messageEventV2({
	eventType = 'message.received',
	direction = 'inbound',
	from = direction === 'inbound' ? SENDER : LINE,
	line = LINE,
	parts = [textPart('Hello there')],
	messageId = 'msg_2001',
	chatId = 'chat_3001',
	isGroup = false,
	...overrides
} = {}) {
	return envelope(
		eventType,
		{
			id: messageId,
			chat: {
				id: chatId,
				is_group: isGroup,
				owner_handle: handle(line, true),
				health_status: {
					status: 'HEALTHY',
					doc_url: 'https://docs.linqapp.com/guides/chats/chat-health',
					updated_at: '2026-11-01T10:00:00Z',
				},
			},
			direction,
			sender_handle: handle(from, from === line),
			parts,
			service: 'iMessage',
			sent_at: '2026-11-23T15:59:59.000Z',
			delivered_at: null,
			read_at: null,
		},
		overrides,
	);
}

/** The same message in the older 2025-01-01 format. */
function messageEventV1({
	eventType = 'message.received',
	isFromMe = false,
	from = isFromMe ? LINE : SENDER,
	recipient = isFromMe ? SENDER : LINE,
	parts = [textPart('Hello there')],
	messageId = 'msg_2001',
	chatId = 'chat_3001',
	...overrides
} = {}) {
	return envelope(
		eventType,
		{
			chat_id: chatId,
			from,
			recipient_phone: recipient,
			received_at: '2026-11-23T15:59:59.000Z',
			is_from_me: isFromMe,
			service: 'iMessage',
			message: { id: messageId, parts },
		},
		{ webhook_version: '2025-01-01', ...overrides },
	);
}

function reactionEvent({ isFromMe = false, from = isFromMe ? LINE : SENDER, ...overrides } = {}) {
	return envelope(
		'reaction.added',
		{
			is_from_me: isFromMe,
			reaction_type: 'love',
			chat_id: 'chat_3001',
			from_handle: handle(from, isFromMe),
			message_id: 'msg_2001',
			part_index: 0,
			reacted_at: '2026-11-23T16:00:00.000Z',
			service: 'iMessage',
		},
		overrides,
	);
}

function typingEvent(overrides = {}) {
	return envelope('chat.typing_indicator.started', { chat_id: 'chat_3001' }, overrides);
}

module.exports = {
	LINE,
	SENDER,
	MEDIA_URL,
	mediaPart,
	messageEventV1,
	messageEventV2,
	nextEventId,
	reactionEvent,
	textPart,
	typingEvent,
};
