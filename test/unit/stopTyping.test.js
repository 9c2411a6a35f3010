'use strict';
/**
 * The Stop Typing option of Send and Send in Chat: with nothing to send, the typing indicator
 * is hidden instead of the item failing; with something to send, the message goes as usual
 * (Linq ends the indicator itself).
 */
const nock = require('nock');
const { runNode } = require('../support/oracle');
const { BASE_URL } = require('../support/harness');

const CHAT = '550e8400-e29b-41d4-a716-446655440000';
const OTHER_CHAT = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const GROUP = '16fd2706-8baf-433b-82eb-8c7fada847da';
const chatLocator = { __rl: true, mode: 'id', value: CHAT };

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

const sendInChat = (params) => ({
	resource: 'message',
	operation: 'sendInChat',
	chatId: chatLocator,
	text: '',
	options: { stopTyping: true },
	...params,
});

test('Send in Chat with nothing to send stops typing in the chat and sends nothing', async () => {
	const scope = nock(BASE_URL).delete(`/v3/chats/${CHAT}/typing`).reply(204);
	const out = await runNode(sendInChat({ text: '  ' }));
	expect(scope.isDone()).toBe(true);
	expect(out.map((item) => item.json)).toEqual([
		{ sent: false, typing_stopped: true, chat_ids: [CHAT] },
	]);
});

test('Send in Chat with text sends it and makes no typing call', async () => {
	const scope = nock(BASE_URL)
		.post(`/v3/chats/${CHAT}/messages`, (body) => body.message.parts[0].value === 'On my way')
		.reply(202, { chat_id: CHAT, message: { id: 'msg_1' } });
	const out = await runNode(sendInChat({ text: 'On my way' }));
	expect(scope.isDone()).toBe(true);
	expect(out[0].json.chat_id).toBe(CHAT);
});

test('without the option, nothing to send is refused before any request', async () => {
	await expect(runNode(sendInChat({ options: {} }))).rejects.toThrow(
		'Text, Media and Link are all empty',
	);
});

test('Send to one person stops typing in their direct chats only', async () => {
	const scope = nock(BASE_URL)
		.get('/v3/chats')
		.query({ to: '+15551230001', limit: 20 })
		.reply(200, {
			chats: [
				{ id: CHAT, is_group: false },
				{ id: GROUP, is_group: true },
				{ id: OTHER_CHAT, is_group: false },
			],
			next_cursor: '',
		})
		.delete(`/v3/chats/${CHAT}/typing`)
		.reply(204)
		.delete(`/v3/chats/${OTHER_CHAT}/typing`)
		.reply(204);
	const out = await runNode({
		resource: 'message',
		operation: 'send',
		to: '+1 555 123 0001',
		text: '',
		options: { stopTyping: true },
	});
	expect(scope.isDone()).toBe(true);
	expect(out[0].json).toEqual({ sent: false, typing_stopped: true, chat_ids: [CHAT, OTHER_CHAT] });
});

test('Send to a group has no typing to stop and makes no request', async () => {
	const out = await runNode({
		resource: 'message',
		operation: 'send',
		to: '+15551230001, +15551230002',
		text: '',
		options: { stopTyping: true },
	});
	expect(out[0].json).toEqual({ sent: false, typing_stopped: false, chat_ids: [] });
});

test('a failed stop fails the item like any Linq error', async () => {
	nock(BASE_URL).delete(`/v3/chats/${CHAT}/typing`).reply(403, { message: 'Group chat' });
	await expect(runNode(sendInChat({}))).rejects.toThrow('Linq API error 403');
});
