'use strict';
/** Get Many with a starting cursor, for callers who page themselves, against the SDK's request. */
const nock = require('nock');
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { CHAT, chatLocator } = require('../support/requestFixtures');
const { BASE_URL } = require('../support/harness');
const { expectRefusedLocally } = require('../support/localError');

const MESSAGE = '69a37c7d-af4f-4b5e-af42-e28e98ce873a';

test('Message → Get Many from a cursor: one page as one item with next_cursor', async () => {
	const reply = { body: { messages: [{ id: 'm1' }, { id: 'm2' }], next_cursor: 'c3' } };
	const theirs = await captureRequest(
		() => sdk().chats.messages.list(CHAT, { limit: 25, cursor: 'c2' }),
		{ reply },
	);
	let out;
	const ours = await captureRequest(
		async () => {
			out = await runNode({
				resource: 'message',
				operation: 'getMany',
				chatId: chatLocator,
				returnAll: false,
				limit: 25,
				options: { cursor: 'c2' },
			});
		},
		{ reply },
	);
	expectSameRequest(ours, theirs);
	expect(out).toEqual([
		{
			json: { messages: [{ id: 'm1' }, { id: 'm2' }], next_cursor: 'c3' },
			pairedItem: { item: 0 },
		},
	]);
});

test('Chat → Get Many with an empty Cursor option starts at the first page; the last page has next_cursor null', async () => {
	const reply = { body: { chats: [{ id: 'c1' }], next_cursor: null } };
	const theirs = await captureRequest(() => sdk().chats.listChats({ limit: 100 }), { reply });
	let out;
	const ours = await captureRequest(
		async () => {
			out = await runNode({
				resource: 'chat',
				operation: 'getMany',
				returnAll: true,
				filters: {},
				options: { cursor: '' },
			});
		},
		{ reply },
	);
	expectSameRequest(ours, theirs);
	expect(out[0].json).toEqual({ chats: [{ id: 'c1' }], next_cursor: null });
});

test('Get Thread from a cursor keeps the order and the page size', async () => {
	const theirs = await captureRequest(() =>
		sdk().messages.listMessagesThread(MESSAGE, { order: 'desc', limit: 10, cursor: 'p2' }),
	);
	const ours = await captureRequest(() =>
		runNode({
			resource: 'message',
			operation: 'getThread',
			messageId: MESSAGE,
			returnAll: false,
			limit: 10,
			options: { order: 'desc', cursor: 'p2' },
		}),
	);
	expectSameRequest(ours, theirs);
});

test('without a cursor, Limit 150 asks for pages of 100 and keeps 150 results', async () => {
	const page = (from, count) => Array.from({ length: count }, (_, i) => ({ id: `c${from + i}` }));
	const scope = nock(BASE_URL)
		.get('/v3/chats')
		.query({ limit: '100' })
		.reply(200, { chats: page(0, 100), next_cursor: 'n2' })
		.get('/v3/chats')
		.query({ limit: '100', cursor: 'n2' })
		.reply(200, { chats: page(100, 100), next_cursor: 'n3' });
	const out = await runNode({
		resource: 'chat',
		operation: 'getMany',
		returnAll: false,
		limit: 150,
		filters: {},
		options: {},
	});
	expect(out).toHaveLength(150);
	scope.done();
});

test('a cursor that is a list is refused before any request', async () => {
	await expectRefusedLocally(
		{
			resource: 'chat',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			filters: {},
			options: { cursor: ['a', 'b'] },
		},
		'Cursor',
	);
});
