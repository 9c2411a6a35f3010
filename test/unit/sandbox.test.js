'use strict';
/**
 * The sandbox's test events are events the trigger understands, about the chat they were built
 * from, so a workflow that replies to `chat_id` reaches a chat the fake knows; and `npm run dev`
 * shows n8n's warnings and errors but not its start-up chatter.
 */
const { parseEvent } = require('../../nodes/shared/delivery/parseEvent');
const { shapeEvent } = require('../../nodes/shared/delivery/shapeEvent');
const { KINDS, sandboxEvent } = require('../../scripts/lib/sandboxEvents.cjs');
const { isWorthShowing } = require('../../scripts/lib/n8nOutput.cjs');

const LINE = '+15550100001';
const PATIENT = '+15550123456';
const chat = {
	id: 'a6f1c1de-7e0b-4a51-9a3c-2f7a1d0c9b11',
	is_group: false,
	display_name: null,
	handles: [
		{ handle: LINE, is_me: true, service: 'iMessage' },
		{ handle: PATIENT, is_me: false, service: 'iMessage' },
	],
};

function shaped(kind, extra = {}) {
	const parsed = parseEvent(JSON.stringify(sandboxEvent(kind, { chat, ...extra })));
	expect(parsed.ok).toBe(true);
	return shapeEvent(parsed.event);
}

test.each(['text', 'duplicate'])(
	'%s: an inbound text from the other person in the chat',
	(kind) => {
		expect(shaped(kind, { text: 'YES' })).toMatchObject({
			event_type: 'message.received',
			chat_id: chat.id,
			from: PATIENT,
			line: LINE,
			text: 'YES',
			direction: 'inbound',
			is_group: false,
		});
	},
);

test('media: a caption and one image', () => {
	const item = shaped('media');
	expect(item).toMatchObject({ event_type: 'message.received', chat_id: chat.id, from: PATIENT });
	expect(item.media).toEqual([expect.objectContaining({ mime_type: 'image/jpeg' })]);
	expect(item.text).toBeTruthy();
});

test('reaction: a love from the other person on the message given', () => {
	expect(shaped('reaction', { messageId: 'msg-ours-1' })).toMatchObject({
		event_type: 'reaction.added',
		chat_id: chat.id,
		message_id: 'msg-ours-1',
		from: PATIENT,
	});
});

test('typing: the chat', () => {
	expect(shaped('typing')).toMatchObject({
		event_type: 'chat.typing_indicator.started',
		chat_id: chat.id,
	});
});

test('every kind has a description and an unknown kind says which exist', () => {
	expect(Object.keys(KINDS)).toEqual(['text', 'media', 'reaction', 'typing', 'duplicate']);
	expect(() => sandboxEvent('call', { chat })).toThrow(/one of: text, media/);
});

test.each([
	['Error: Linq Trigger could not register its webhook', true],
	['Failed to load package n8n-nodes-linqapp', true],
	['Editor is now accessible via:', false],
	['Starting migration InitialMigration1588102412422', false],
	['Migration "AddLinqTable1700000000000" failed, error: SQLITE_BUSY', true],
	[
		'Failed to start Python task runner in internal mode. because its virtual environment is missing',
		false,
	],
	['(node:1234) [DEP0040] DeprecationWarning: The `punycode` module is deprecated.', false],
	['Registered runner "JS Task Runner" (abc)', false],
	['', false],
])('dev output: %j shown: %s', (line, shown) => {
	expect(isWorthShowing(line)).toBe(shown);
});
