'use strict';
const { shapeEvent } = require('../../nodes/shared/delivery/shapeEvent');
const { parseEvent } = require('../../nodes/shared/delivery/parseEvent');
const {
	LINE,
	SENDER,
	MEDIA_URL,
	mediaPart,
	messageEventV1,
	messageEventV2,
	reactionEvent,
	textPart,
	typingEvent,
} = require('../support/linqEvents');

const CONVENIENCE_FIELDS = [
	'chat_id',
	'message_id',
	'from',
	'to',
	'line',
	'text',
	'media',
	'service',
	'direction',
];

function pick(object, keys) {
	return Object.fromEntries(keys.map((key) => [key, object[key]]));
}

function shaped(payload) {
	const parsed = parseEvent(JSON.stringify(payload));
	expect(parsed.ok).toBe(true);
	return shapeEvent(parsed.event);
}

const parts = [textPart('Hello'), mediaPart(), textPart('there')];

test('an inbound message shapes to the same fields in both payload versions', () => {
	const v2 = shaped(messageEventV2({ parts }));
	const v1 = shaped(messageEventV1({ parts }));
	expect(Object.keys(v1).sort()).toEqual(Object.keys(v2).sort());
	expect(pick(v1, CONVENIENCE_FIELDS)).toEqual(pick(v2, CONVENIENCE_FIELDS));
	expect(pick(v2, CONVENIENCE_FIELDS)).toEqual({
		chat_id: 'chat_3001',
		message_id: 'msg_2001',
		from: SENDER,
		to: LINE,
		line: LINE,
		text: 'Hello\nthere',
		media: [{ url: MEDIA_URL, mime_type: 'image/jpeg', filename: 'photo.jpg', size_bytes: 11 }],
		service: 'iMessage',
		direction: 'inbound',
	});
});

test('an outbound message shapes to the same fields in both payload versions', () => {
	const v2 = shaped(messageEventV2({ eventType: 'message.sent', direction: 'outbound' }));
	const v1 = shaped(messageEventV1({ eventType: 'message.sent', isFromMe: true }));
	expect(v2.direction).toBe('outbound');
	expect(v1.direction).toBe('outbound');
	expect(v2.from).toBe(LINE);
	expect(v1.from).toBe(LINE);
	expect(v2.line).toBe(LINE);
	expect(v1.line).toBe(LINE);
});

test('the envelope is carried over and data is the payload untouched', () => {
	const payload = messageEventV2();
	const item = shaped(payload);
	expect(item).toMatchObject({
		event_type: 'message.received',
		event_id: payload.event_id,
		created_at: payload.created_at,
		trace_id: payload.trace_id,
		webhook_version: '2026-02-03',
	});
	expect(item.data).toEqual(payload.data);
});

test('is_group comes from the chat in the 2026-02-03 format, and is null where a payload does not say', () => {
	expect(shaped(messageEventV2({ isGroup: true })).is_group).toBe(true);
	expect(shaped(messageEventV2()).is_group).toBe(false);
	expect(shaped(messageEventV1()).is_group).toBeNull();
});

test('a reaction names its sender, chat and message', () => {
	expect(
		pick(shaped(reactionEvent()), ['from', 'chat_id', 'message_id', 'direction', 'text']),
	).toEqual({
		from: SENDER,
		chat_id: 'chat_3001',
		message_id: 'msg_2001',
		direction: 'inbound',
		text: null,
	});
	expect(shaped(reactionEvent({ isFromMe: true })).direction).toBe('outbound');
});

test('an edited message carries the new text', () => {
	const payload = messageEventV2({ eventType: 'message.edited' });
	delete payload.data.parts;
	payload.data.part = { index: 0, text: 'Hello, corrected' };
	expect(shaped(payload).text).toBe('Hello, corrected');
});

test('events without a message get nulls and an empty media list, never an error', () => {
	const item = shaped(typingEvent());
	expect(pick(item, CONVENIENCE_FIELDS)).toEqual({
		chat_id: 'chat_3001',
		message_id: null,
		from: null,
		to: null,
		line: null,
		text: null,
		media: [],
		service: null,
		direction: null,
	});
});

test('chat.created names the chat, not a message', () => {
	const item = shaped({
		event_type: 'chat.created',
		event_id: 'e1',
		data: { id: 'chat_9', is_group: true, handles: [] },
	});
	expect(item.chat_id).toBe('chat_9');
	expect(item.message_id).toBeNull();
	expect(item.is_group).toBe(true);
});

test('a line status event names the line', () => {
	const item = shaped({
		event_type: 'phone_number.status_updated',
		event_id: 'e2',
		data: { phone_number: LINE, new_status: 'FLAGGED' },
	});
	expect(item.line).toBe(LINE);
});

test('parts of unexpected shapes are skipped', () => {
	const item = shaped(
		messageEventV2({
			parts: [
				null,
				5,
				{ type: 'media' },
				{ type: 'link', value: 'https://x.test' },
				textPart('ok'),
			],
		}),
	);
	expect(item.text).toBe('ok');
	expect(item.media).toEqual([]);
});
