'use strict';
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { expectLocalError } = require('../support/localValidation');

const CHAT_ID = '550e8400-e29b-41d4-a716-446655440000';
const byId = (value) => ({ __rl: true, mode: 'id', value });

const params = (operation, overrides = {}) => ({
	resource: 'participant',
	operation,
	chatId: byId(CHAT_ID),
	handle: '+1 (205) 249-9136',
	...overrides,
});

describe.each([
	['add', (client) => client.chats.participants.add(CHAT_ID, { handle: '+12052499136' }), 'POST'],
	[
		'remove',
		(client) => client.chats.participants.remove(CHAT_ID, { handle: '+12052499136' }),
		'DELETE',
	],
])('participant %s', (operation, sdkCall, method) => {
	test('sends what the SDK sends, with the handle in E.164', async () => {
		const theirs = await captureRequest(() => sdkCall(sdk()));
		const ours = await captureRequest(() => runNode(params(operation)));
		expectSameRequest(ours, theirs);
		expect(ours).toMatchObject({
			method,
			path: `/v3/chats/${CHAT_ID}/participants`,
			body: { handle: '+12052499136' },
		});
	});

	test('outputs the API answer paired with its item', async () => {
		const answer = { status: 'accepted', message: 'Participant change queued', trace_id: 't-1' };
		let out;
		await captureRequest(async () => (out = await runNode(params(operation))), {
			reply: { status: 202, body: answer },
		});
		expect(out).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});

	test('an empty answer becomes success with the chat and handle used', async () => {
		let out;
		await captureRequest(async () => (out = await runNode(params(operation))), {
			reply: { status: 204, body: '' },
		});
		expect(out).toEqual([
			{
				json: { success: true, chat_id: CHAT_ID, handle: '+12052499136' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a bad handle fails on its item before any request', async () => {
		const error = await expectLocalError(params(operation), { handle: '555-12' }, 'Handle');
		expect(error.message).toBe('Handle "555-12" is too short');
	});

	test('an email handle is accepted for iMessage groups', async () => {
		const ours = await captureRequest(() =>
			runNode(params(operation, { handle: ' Jane@Example.com ' })),
		);
		expect(ours.body).toEqual({ handle: 'jane@example.com' });
	});

	test('an empty chat fails on its item before any request', async () => {
		await expectLocalError(params(operation), { chatId: byId(' ') }, 'Chat');
	});
});
