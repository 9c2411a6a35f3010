'use strict';
/**
 * Files uploaded once with Attachment → Upload, sent again by attachment_id (media parts and
 * voice memos), and media placed before the text. Each request is compared with the SDK's.
 */
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { CHAT, chatLocator, keyOfItem } = require('../support/requestFixtures');
const { expectRefusedLocally } = require('../support/localError');

const ATTACHMENT = 'abc12345-1234-5678-9abc-def012345678';
const KEY = keyOfItem();

test('Send: a media item by attachment ID is sent as attachment_id, with no upload', async () => {
	const theirs = await captureRequest(() =>
		sdk().messages.create({
			to: ['+15551230001'],
			message: {
				parts: [
					{ type: 'text', value: 'Your invoice' },
					{ type: 'media', attachment_id: ATTACHMENT },
					{ type: 'media', url: 'https://cdn.example.com/logo.png' },
				],
				idempotency_key: KEY,
			},
			'Idempotency-Key': KEY,
		}),
	);
	const requests = await captureRequest(
		() =>
			runNode({
				resource: 'message',
				operation: 'send',
				to: '+15551230001',
				text: 'Your invoice',
				media: {
					mediaValues: [
						{ source: 'attachment', attachmentId: ` ${ATTACHMENT} ` },
						{ source: 'url', url: 'https://cdn.example.com/logo.png' },
					],
				},
				link: '',
				options: {},
			}),
		{ all: true },
	);
	expect(requests).toHaveLength(1);
	expectSameRequest(requests[0], theirs);
});

test('Send in Chat: Media Position "before" puts the media parts ahead of the text', async () => {
	const theirs = await captureRequest(() =>
		sdk().chats.messages.send(CHAT, {
			message: {
				parts: [
					{ type: 'media', attachment_id: ATTACHMENT },
					{ type: 'text', value: 'Here is the menu' },
				],
				idempotency_key: KEY,
			},
		}),
	);
	const ours = await captureRequest(() =>
		runNode({
			resource: 'message',
			operation: 'sendInChat',
			chatId: chatLocator,
			text: 'Here is the menu',
			media: { mediaValues: [{ source: 'attachment', attachmentId: ATTACHMENT }] },
			link: '',
			options: { mediaPosition: 'before' },
		}),
	);
	expectSameRequest(ours, theirs);
});

test('attachment IDs do not count against the 40 URL media that Linq downloads', async () => {
	const mediaValues = Array.from({ length: 60 }, (_, i) => ({
		source: 'attachment',
		attachmentId: `att-${i}`,
	}));
	const ours = await captureRequest(() =>
		runNode({
			resource: 'message',
			operation: 'sendInChat',
			chatId: chatLocator,
			text: '',
			media: { mediaValues },
			link: '',
			options: {},
		}),
	);
	expect(ours.body.message.parts).toHaveLength(60);
});

test.each([
	['empty', ''],
	['a path', '../attachments/x'],
	['a list', ['a', 'b']],
])('an attachment ID that is %s is refused before any request', async (_, attachmentId) => {
	await expectRefusedLocally(
		{
			resource: 'message',
			operation: 'send',
			to: '+15551230001',
			text: 'Hi',
			media: { mediaValues: [{ source: 'attachment', attachmentId }] },
			link: '',
			options: {},
		},
		'Attachment ID',
	);
});

describe('Send Voice Memo by attachment ID', () => {
	test('sends what the SDK sends, with no upload', async () => {
		const theirs = await captureRequest(() =>
			sdk().chats.sendVoicememo(CHAT, { attachment_id: ATTACHMENT }),
		);
		const requests = await captureRequest(
			() =>
				runNode({
					resource: 'chat',
					operation: 'sendVoiceMemo',
					chatId: chatLocator,
					source: 'attachment',
					attachmentId: ATTACHMENT,
				}),
			{ all: true },
		);
		expect(requests).toHaveLength(1);
		expectSameRequest(requests[0], theirs);
	});

	test('an attachment ID with a slash is refused before any request', async () => {
		await expectRefusedLocally(
			{
				resource: 'chat',
				operation: 'sendVoiceMemo',
				chatId: chatLocator,
				source: 'attachment',
				attachmentId: 'a/b',
			},
			'Attachment ID',
		);
	});
});
