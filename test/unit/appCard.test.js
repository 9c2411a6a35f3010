'use strict';
/** iMessage app cards: the imessage_app part of a send and Message → Update App Card, against the SDK. */
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { CHAT, keyOfItem } = require('../support/requestFixtures');
const { expectRefusedLocally } = require('../support/localError');

const MESSAGE = '69a37c7d-af4f-4b5e-af42-e28e98ce873a';
const KEY = keyOfItem();

const card = {
	bundleId: 'com.example.chess.messages',
	appName: 'Chess',
	teamId: 'ABCDE12345',
	appStoreId: '1234567890',
	caption: 'Your move',
	subcaption: 'Game 7',
	trailingCaption: '2 – 1',
	imageUrl: 'https://cdn.example.com/board.png',
	imageTitle: 'Move 12',
	url: 'https://app.example.com/game/7f3a',
	fallbackText: 'Your move in Chess',
	interactive: false,
};
const sendCard = (values, extra = {}) => ({
	resource: 'message',
	operation: 'sendInChat',
	chatId: { __rl: true, mode: 'id', value: CHAT },
	text: '',
	link: '',
	appCard: { card: values },
	options: {},
	...extra,
});

test('Send in Chat with an app card sends the imessage_app part the SDK sends, alone', async () => {
	const theirs = await captureRequest(() =>
		sdk().chats.messages.send(CHAT, {
			message: {
				parts: [
					{
						type: 'imessage_app',
						app: {
							bundle_id: 'com.example.chess.messages',
							name: 'Chess',
							team_id: 'ABCDE12345',
							app_store_id: 1234567890,
						},
						layout: {
							caption: 'Your move',
							subcaption: 'Game 7',
							trailing_caption: '2 – 1',
							image_url: 'https://cdn.example.com/board.png',
							image_title: 'Move 12',
						},
						url: 'https://app.example.com/game/7f3a',
						fallback_text: 'Your move in Chess',
						interactive: false,
					},
				],
				idempotency_key: KEY,
			},
		}),
	);
	let out;
	const ours = await captureRequest(
		async () => {
			out = await runNode(sendCard(card));
		},
		{ reply: { body: { chat_id: CHAT } } },
	);
	expectSameRequest(ours, theirs);
	expect(out[0].json).toEqual({ chat_id: CHAT });
});

test('a minimal card: app identity and a caption, interactive left to Linq', async () => {
	const ours = await captureRequest(() =>
		runNode(
			sendCard({
				bundleId: 'com.example.app',
				appName: 'App',
				teamId: 'ABCDE12345',
				caption: 'Hi',
			}),
		),
	);
	expect(ours.body.message.parts).toEqual([
		{
			type: 'imessage_app',
			app: { bundle_id: 'com.example.app', name: 'App', team_id: 'ABCDE12345' },
			layout: { caption: 'Hi' },
		},
	]);
});

test('Message → Update App Card posts what the SDK posts', async () => {
	const theirs = await captureRequest(() =>
		sdk().messages.updateAppCard(MESSAGE, {
			layout: { caption: 'Score: 2 – 1' },
			fallback_text: 'Score update',
			url: 'data:application/json,{"move":2}',
		}),
	);
	const ours = await captureRequest(() =>
		runNode({
			resource: 'message',
			operation: 'updateAppCard',
			messageId: MESSAGE,
			layout: { caption: 'Score: 2 – 1' },
			options: { fallbackText: 'Score update', url: 'data:application/json,{"move":2}' },
		}),
	);
	expectSameRequest(ours, theirs);
	expect(ours.path).toBe(`/v3/messages/${MESSAGE}/update`);
});

describe('refused before any request', () => {
	test.each([
		[
			'with text beside it',
			sendCard(card, { text: 'Hello' }),
			'iMessage App Card must be sent alone',
		],
		['over SMS', sendCard(card, { options: { preferredService: 'SMS' } }), 'never sent over SMS'],
		[
			'with an empty layout',
			sendCard({
				...card,
				caption: '',
				subcaption: '',
				trailingCaption: '',
				imageUrl: '',
				imageTitle: '',
			}),
			'shows nothing',
		],
		['with an image title and no image', sendCard({ ...card, imageUrl: '' }), 'need an Image URL'],
		['with a bad team ID', sendCard({ ...card, teamId: 'abc' }), 'Team ID'],
		['with a bundle ID holding ":"', sendCard({ ...card, bundleId: 'a:b' }), 'Bundle ID'],
		['with an http card URL', sendCard({ ...card, url: 'http://app.example.com' }), 'Card URL'],
		['with a non-numeric App Store ID', sendCard({ ...card, appStoreId: 'chess' }), 'App Store ID'],
	])('a card %s', async (_, params, message) => {
		const error = await expectRefusedLocally(params, message);
		expect(error.message).toContain(message);
	});

	test('an update with no layout', async () => {
		await expectRefusedLocally(
			{
				resource: 'message',
				operation: 'updateAppCard',
				messageId: MESSAGE,
				layout: {},
				options: {},
			},
			'shows nothing',
		);
	});
});
