'use strict';
const nock = require('nock');
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { CHAT, chatLocator, keyOfItem } = require('../support/requestFixtures');
const { expectRefusedLocally } = require('../support/localError');
const { captureV2, runV2Node } = require('../support/v2Harness');
const { BASE_URL, createExecuteContext } = require('../support/harness');
const { Linq } = require('../../nodes/Linq/Linq.node');

const MESSAGE = '69a37c7d-af4f-4b5e-af42-e28e98ce873a';

const message = (params) => ({ resource: 'message', ...params });

describe('Send (no chat id)', () => {
	test('sends what the SDK sends, with the derived key in the body and the Idempotency-Key header', async () => {
		const key = keyOfItem(0);
		const theirs = await captureRequest(() =>
			sdk().messages.create({
				to: ['+15551230001', '+15551230002'],
				message: { parts: [{ type: 'text', value: 'Your table is ready' }], idempotency_key: key },
				'Idempotency-Key': key,
			}),
		);
		const ours = await captureRequest(() =>
			runNode(
				message({
					operation: 'send',
					to: '+1 (555) 123-0001, +15551230002',
					text: 'Your table is ready',
					options: {},
				}),
			),
		);
		expectSameRequest(ours, theirs);
		expect(ours.headers['idempotency-key']).toBe(key);
		expect(theirs.headers['idempotency-key']).toBe(key);
	});

	test('options: effect, service, reply to, failover text and an explicit key', async () => {
		const params = {
			to: ['+15551230001'],
			message: {
				parts: [
					{ type: 'text', value: 'Happy birthday!' },
					{ type: 'media', url: 'https://cdn.example.com/cake.jpg' },
				],
				effect: { type: 'screen', name: 'confetti' },
				idempotency_key: 'order-42',
				preferred_service: 'iMessage',
				reply_to: { message_id: MESSAGE, part_index: 1 },
			},
			continuation_message: { text: 'Hi, this is Acme from a new number.' },
			'Idempotency-Key': 'order-42',
		};
		const theirs = await captureRequest(() => sdk().messages.create(params));
		const ours = await captureRequest(() =>
			runNode(
				message({
					operation: 'send',
					to: '+15551230001',
					text: 'Happy birthday!',
					media: { mediaValues: [{ source: 'url', url: 'https://cdn.example.com/cake.jpg' }] },
					link: '',
					options: {
						effect: 'screen:confetti',
						idempotencyKey: 'order-42',
						preferredService: 'iMessage',
						replyToMessageId: MESSAGE,
						replyToPartIndex: 1,
						continuationText: 'Hi, this is Acme from a new number.',
					},
				}),
			),
		);
		expectSameRequest(ours, theirs);
		expect(ours.headers['idempotency-key']).toBe('order-42');
	});

	test('a link part alone', async () => {
		const key = keyOfItem(0);
		const theirs = await captureRequest(() =>
			sdk().messages.create({
				to: ['+15551230001'],
				message: {
					parts: [{ type: 'link', value: 'https://example.com/menu' }],
					idempotency_key: key,
				},
				'Idempotency-Key': key,
			}),
		);
		const ours = await captureRequest(() =>
			runNode(
				message({
					operation: 'send',
					to: '+15551230001',
					link: 'https://example.com/menu',
					options: {},
				}),
			),
		);
		expectSameRequest(ours, theirs);
	});

	test('outputs the API answer as returned', async () => {
		const answer = {
			chat_id: CHAT,
			created_new_chat: false,
			from: '+15559990000',
			message: { id: MESSAGE },
		};
		nock(BASE_URL).post('/v3/messages').reply(202, answer);
		const out = await runNode(
			message({ operation: 'send', to: '+15551230001', text: 'Hi', options: {} }),
		);
		expect(out).toEqual([
			{
				json: { ...answer, sms: expect.objectContaining({ segments: 1 }) },
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('Send in Chat', () => {
	test('sends what the SDK sends, reply to included', async () => {
		const key = keyOfItem(0);
		const theirs = await captureRequest(() =>
			sdk().chats.messages.send(CHAT, {
				message: {
					parts: [{ type: 'text', value: 'Yes, 7pm works' }],
					idempotency_key: key,
					reply_to: { message_id: MESSAGE },
					effect: { type: 'bubble', name: 'slam' },
				},
			}),
		);
		const ours = await captureRequest(() =>
			runNode(
				message({
					operation: 'sendInChat',
					chatId: chatLocator,
					text: 'Yes, 7pm works',
					options: { replyToMessageId: MESSAGE, effect: 'bubble:slam' },
				}),
			),
		);
		expectSameRequest(ours, theirs);
	});

	test('the chat can be given by ID', async () => {
		const ours = await captureRequest(() =>
			runNode(
				message({
					operation: 'sendInChat',
					chatId: { __rl: true, mode: 'id', value: ` ${CHAT} ` },
					text: 'Hi',
					options: {},
				}),
			),
		);
		expect(ours.path).toBe(`/v3/chats/${CHAT}/messages`);
	});
});

describe('reading, editing, deleting and reacting', () => {
	test('Get', async () => {
		const theirs = await captureRequest(() => sdk().messages.retrieve(MESSAGE));
		const ours = await captureRequest(() =>
			runNode(message({ operation: 'get', messageId: MESSAGE })),
		);
		expectSameRequest(ours, theirs);
	});

	test('Get Many in a chat, first page', async () => {
		const theirs = await captureRequest(() => sdk().chats.messages.list(CHAT, { limit: 50 }));
		const ours = await captureRequest(() =>
			runNode(message({ operation: 'getMany', chatId: chatLocator, returnAll: false, limit: 50 })),
		);
		expectSameRequest(ours, theirs);
	});

	test('Get Thread, newest first', async () => {
		const theirs = await captureRequest(() =>
			sdk().messages.listMessagesThread(MESSAGE, { order: 'desc', limit: 100 }),
		);
		const ours = await captureRequest(() =>
			runNode(
				message({
					operation: 'getThread',
					messageId: MESSAGE,
					returnAll: true,
					options: { order: 'desc' },
				}),
			),
		);
		expectSameRequest(ours, theirs);
	});

	test('Edit with a part index', async () => {
		const theirs = await captureRequest(() =>
			sdk().messages.update(MESSAGE, { text: 'See you at 8', part_index: 1 }),
		);
		const ours = await captureRequest(() =>
			runNode(
				message({
					operation: 'edit',
					messageId: MESSAGE,
					text: 'See you at 8',
					options: { partIndex: 1 },
				}),
			),
		);
		expectSameRequest(ours, theirs);
	});

	test('Delete outputs success and the message id', async () => {
		const theirs = await captureRequest(() => sdk().messages.delete(MESSAGE), {
			reply: { status: 204 },
		});
		let out;
		const ours = await captureRequest(
			async () => {
				out = await runNode(message({ operation: 'delete', messageId: MESSAGE }));
			},
			{ reply: { status: 204 } },
		);
		expectSameRequest(ours, theirs);
		expect(out).toEqual([
			{ json: { success: true, message_id: MESSAGE }, pairedItem: { item: 0 } },
		]);
	});

	test('React with a custom emoji on a part', async () => {
		const theirs = await captureRequest(() =>
			sdk().messages.addReaction(MESSAGE, {
				operation: 'add',
				type: 'custom',
				custom_emoji: '🎉',
				part_index: 1,
			}),
		);
		const ours = await captureRequest(() =>
			runNode(
				message({
					operation: 'react',
					messageId: MESSAGE,
					reactionOperation: 'add',
					reactionType: 'custom',
					customEmoji: '🎉',
					options: { partIndex: 1 },
				}),
			),
		);
		expectSameRequest(ours, theirs);
	});

	test('React: remove a love tapback', async () => {
		const theirs = await captureRequest(() =>
			sdk().messages.addReaction(MESSAGE, { operation: 'remove', type: 'love' }),
		);
		const ours = await captureRequest(() =>
			runNode(
				message({
					operation: 'react',
					messageId: MESSAGE,
					reactionOperation: 'remove',
					reactionType: 'love',
					options: {},
				}),
			),
		);
		expectSameRequest(ours, theirs);
	});
});

describe('Get Many pagination', () => {
	const page = (from, count) => Array.from({ length: count }, (_, i) => ({ id: `m${from + i}` }));

	test('Return All follows next_cursor over 3 pages', async () => {
		const scope = nock(BASE_URL)
			.get(`/v3/chats/${CHAT}/messages`)
			.query({ limit: '100' })
			.reply(200, { messages: page(0, 100), next_cursor: 'c2' })
			.get(`/v3/chats/${CHAT}/messages`)
			.query({ limit: '100', cursor: 'c2' })
			.reply(200, { messages: page(100, 100), next_cursor: 'c3' })
			.get(`/v3/chats/${CHAT}/messages`)
			.query({ limit: '100', cursor: 'c3' })
			.reply(200, { messages: page(200, 7), next_cursor: null });
		const out = await runNode(
			message({ operation: 'getMany', chatId: chatLocator, returnAll: true }),
		);
		expect(out).toHaveLength(207);
		expect(out[206]).toEqual({ json: { id: 'm206' }, pairedItem: { item: 0 } });
		scope.done();
	});

	test('Limit stops early, with the same limit on every page as the SDK pages', async () => {
		const scope = nock(BASE_URL)
			.get(`/v3/messages/${MESSAGE}/thread`)
			.query({ limit: '100' })
			.reply(200, { messages: page(0, 100), next_cursor: 'c2' })
			.get(`/v3/messages/${MESSAGE}/thread`)
			.query({ limit: '100', cursor: 'c2' })
			.reply(200, { messages: page(100, 100), next_cursor: 'c3' });
		const out = await runNode(
			message({
				operation: 'getThread',
				messageId: MESSAGE,
				returnAll: false,
				limit: 120,
				options: {},
			}),
		);
		expect(out.map((item) => item.json.id)).toEqual(page(0, 120).map((m) => m.id));
		scope.done();
	});
});

describe('local validation: nothing is sent, the error names the field and the item', () => {
	const send = (params) =>
		message({ operation: 'send', to: '+15551230001', text: 'Hi', options: {}, ...params });

	test.each([
		['a bad handle', { to: '+1555 not a number' }, 'To'],
		['no recipients', { to: ' , ' }, 'To'],
		[
			'more than 31 recipients',
			{
				to: Array.from({ length: 32 }, (_, i) => `+1555123${String(i).padStart(4, '0')}`).join(','),
			},
			'To',
		],
		['empty content', { text: '' }, 'Text'],
		['text over 10,000 characters', { text: 'x'.repeat(10_001) }, 'Text'],
		['a link with text', { link: 'https://example.com' }, 'Link'],
		[
			'a media URL that is not https',
			{ media: { mediaValues: [{ source: 'url', url: 'http://example.com/a.png' }] } },
			'Media URL',
		],
		[
			'an idempotency key over 255 characters',
			{ options: { idempotencyKey: 'k'.repeat(256) } },
			'Idempotency Key',
		],
	])('Send refuses %s', async (_, bad, field) => {
		await expectRefusedLocally(send(bad), field);
	});

	test('the failing item is named: item 0 is sent, item 1 is refused before its request', async () => {
		nock(BASE_URL).post('/v3/messages').reply(202, { chat_id: CHAT });
		const ctx = createExecuteContext({
			params: (itemIndex) => send(itemIndex === 1 ? { text: 'x'.repeat(10_001) } : {}),
			items: [{ json: {} }, { json: {} }],
		});
		const error = await new Linq().execute.call(ctx).then(
			() => undefined,
			(caught) => caught,
		);
		expect(error.message).toContain('Text');
		expect(error.context.itemIndex).toBe(1);
		expect(error.description).toContain('item 1');
		expect(ctx.requests).toHaveLength(1);
	});

	test('a missing binary property fails before any upload', async () => {
		await expectRefusedLocally(
			send({ media: { mediaValues: [{ source: 'binary', binaryPropertyName: 'photo' }] } }),
			'photo',
		);
	});

	test('Edit refuses empty text, React refuses an empty custom emoji', async () => {
		await expectRefusedLocally(
			message({ operation: 'edit', messageId: MESSAGE, text: ' ', options: {} }),
			'Text',
		);
		await expectRefusedLocally(
			message({
				operation: 'react',
				messageId: MESSAGE,
				reactionOperation: 'add',
				reactionType: 'custom',
				customEmoji: '',
				options: {},
			}),
			'Custom Emoji',
		);
		await expectRefusedLocally(message({ operation: 'get', messageId: '  ' }), 'Message ID');
	});
});

test('text over 10,000 characters gets the same words in Send, Edit and the V2 node', async () => {
	const text = 'x'.repeat(10_001);
	const words = 'Text is 10,001 characters long; Linq accepts up to 10,000';
	const send = await expectRefusedLocally(
		message({ operation: 'send', to: '+15551234567', text, options: {} }),
		'Text',
	);
	const edit = await expectRefusedLocally(
		message({ operation: 'edit', messageId: MESSAGE, text, options: {} }),
		'Text',
	);
	const { requests, error: v2 } = await captureV2(() =>
		runV2Node({ resource: 'chatMessage', operation: 'send', chatId: '5', text, options: {} }),
	);
	expect(requests).toHaveLength(0);
	expect([send.message, edit.message, v2.message]).toEqual([words, words, words]);
});
