'use strict';
const {
	buildMessageContent,
	checkMessageContent,
} = require('../../nodes/Linq/actions/common/messageContent');

const base = { text: '', media: [], link: '' };

describe('buildMessageContent', () => {
	test('text first, then media in the given order, binary media by attachment id', () => {
		const content = buildMessageContent(
			{
				...base,
				text: 'Your receipt',
				media: [
					{ source: 'binary', binaryPropertyName: 'data' },
					{ source: 'url', url: ' https://cdn.example.com/a.jpg ' },
					{ source: 'binary', binaryPropertyName: 'second' },
				],
				idempotencyKey: 'k1',
			},
			['att-1', 'att-2'],
		);
		expect(content).toEqual({
			parts: [
				{ type: 'text', value: 'Your receipt' },
				{ type: 'media', attachment_id: 'att-1' },
				{ type: 'media', url: 'https://cdn.example.com/a.jpg' },
				{ type: 'media', attachment_id: 'att-2' },
			],
			idempotency_key: 'k1',
		});
	});

	test('a link is the only part', () => {
		expect(buildMessageContent({ ...base, link: ' https://example.com/a ' })).toEqual({
			parts: [{ type: 'link', value: 'https://example.com/a' }],
		});
	});

	test('options: effect by type and name, service, reply with and without part index', () => {
		const content = buildMessageContent({
			...base,
			text: 'hi',
			effect: 'screen:happy_birthday',
			preferredService: 'SMS',
			replyToMessageId: 'm-1',
			replyToPartIndex: 2,
		});
		expect(content.effect).toEqual({ type: 'screen', name: 'happy_birthday' });
		expect(content.preferred_service).toBe('SMS');
		expect(content.reply_to).toEqual({ message_id: 'm-1', part_index: 2 });
		expect(buildMessageContent({ ...base, text: 'hi', replyToMessageId: 'm-1' }).reply_to).toEqual({
			message_id: 'm-1',
		});
	});

	test('Auto service, no effect and no key leave the fields out', () => {
		expect(buildMessageContent({ ...base, text: 'hi', preferredService: '' })).toEqual({
			parts: [{ type: 'text', value: 'hi' }],
		});
	});
});

describe('checkMessageContent', () => {
	const cases = [
		['empty content', { ...base, text: '   ' }, 'Text', /all empty/],
		[
			'text over 10,000 characters',
			{ ...base, text: 'x'.repeat(10_001) },
			'Text',
			/10,001 characters/,
		],
		['a link with text', { ...base, text: 'see', link: 'https://example.com' }, 'Link', /alone/],
		[
			'a link with media',
			{
				...base,
				link: 'https://example.com',
				media: [{ source: 'url', url: 'https://e.com/a.png' }],
			},
			'Link',
			/alone/,
		],
		['a link that is not a web address', { ...base, link: 'example' }, 'Link', /not a web address/],
		[
			'a link in the first message of a new chat',
			{ ...base, link: 'https://example.com', firstMessageOfNewChat: true },
			'Link',
			/1005/,
		],
		[
			'a URL in the text of the first message of a new chat',
			{ ...base, text: 'see https://example.com', firstMessageOfNewChat: true },
			'Text',
			/1005/,
		],
		[
			'a media URL that is not https',
			{ ...base, media: [{ source: 'url', url: 'http://example.com/a.png' }] },
			'Media URL',
			/https/,
		],
		[
			'an empty binary property name',
			{ ...base, media: [{ source: 'binary', binaryPropertyName: ' ' }] },
			'Binary Property',
			/empty/,
		],
		[
			'more than 40 media URLs',
			{
				...base,
				media: Array.from({ length: 41 }, () => ({ source: 'url', url: 'https://e.com/a.png' })),
			},
			'Media URL',
			/at most 40/,
		],
		[
			'a part index without a message',
			{ ...base, text: 'hi', replyToPartIndex: 1 },
			'Reply To Message ID',
			/needs a Reply To Message ID/,
		],
	];
	test.each(cases)('refuses %s', (_, input, field, message) => {
		const problem = checkMessageContent(input);
		expect(problem).toBeDefined();
		expect(problem.field).toBe(field);
		expect(problem.message).toMatch(message);
		expect(problem.message).toContain(field);
	});

	test('accepts exactly 10,000 characters, and a URL in text outside a new chat', () => {
		expect(checkMessageContent({ ...base, text: 'x'.repeat(10_000) })).toBeUndefined();
		expect(checkMessageContent({ ...base, text: 'see https://example.com' })).toBeUndefined();
		expect(checkMessageContent({ ...base, link: 'https://example.com' })).toBeUndefined();
	});
});
