'use strict';
const crypto = require('node:crypto');
const nock = require('nock');
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { CHAT, chatLocator, keyOfItem } = require('../support/requestFixtures');
const { expectRefusedLocally } = require('../support/localError');
const { BASE_URL, binaryProperty } = require('../support/harness');

const KEY = keyOfItem();

const chat = (params) => ({ resource: 'chat', ...params });

async function expectSame(sdkCall, params, reply) {
	const options = reply ? { reply } : undefined;
	const theirs = await captureRequest(sdkCall, options);
	let out;
	const ours = await captureRequest(async () => {
		out = await runNode(chat(params));
	}, options);
	expectSameRequest(ours, theirs);
	return { ours, theirs, out };
}

describe('Create', () => {
	test('a group chat with a first message', async () => {
		await expectSame(
			() =>
				sdk().chats.create({
					from: '+15559990000',
					to: ['+15551230001', 'ana@example.com'],
					message: {
						parts: [{ type: 'text', value: 'Welcome to the team chat' }],
						idempotency_key: KEY,
						preferred_service: 'RCS',
					},
				}),
			{
				operation: 'create',
				from: '+15559990000',
				to: '+15551230001\nAna@Example.com',
				text: 'Welcome to the team chat',
				options: { preferredService: 'RCS' },
			},
		);
	});

	test('refuses a link in the first message, in a link part or in the text', async () => {
		const base = {
			operation: 'create',
			from: '+15559990000',
			to: '+15551230001',
			text: '',
			options: {},
		};
		await expectRefusedLocally(chat({ ...base, link: 'https://example.com' }), 'Link');
		await expectRefusedLocally(chat({ ...base, text: 'Menu: https://example.com/menu' }), 'Text');
	});

	test('refuses a bad From or To', async () => {
		const base = {
			operation: 'create',
			from: '+15559990000',
			to: '+15551230001',
			text: 'Hi',
			options: {},
		};
		await expectRefusedLocally(chat({ ...base, from: '' }), 'From');
		await expectRefusedLocally(chat({ ...base, to: '555-0101' }), 'To');
	});
});

describe('reading and updating chats', () => {
	test('Get', async () => {
		await expectSame(() => sdk().chats.retrieve(CHAT), { operation: 'get', chatId: chatLocator });
	});

	test('Get Many filtered by From and To', async () => {
		await expectSame(
			() => sdk().chats.listChats({ from: '+15559990000', to: '+15551230001', limit: 50 }),
			{
				operation: 'getMany',
				returnAll: false,
				limit: 50,
				filters: { from: '+15559990000', to: '+1 555 123 0001' },
			},
		);
	});

	test('Get Many without filters, all pages', async () => {
		const scope = nock(BASE_URL)
			.get('/v3/chats')
			.query({ limit: '100' })
			.reply(200, { chats: [{ id: 'c1' }], next_cursor: '1' })
			.get('/v3/chats')
			.query({ limit: '100', cursor: '1' })
			.reply(200, { chats: [{ id: 'c2' }], next_cursor: '2' })
			.get('/v3/chats')
			.query({ limit: '100', cursor: '2' })
			.reply(200, { chats: [{ id: 'c3' }], next_cursor: null });
		const out = await runNode(chat({ operation: 'getMany', returnAll: true, filters: {} }));
		expect(out.map((item) => item.json.id)).toEqual(['c1', 'c2', 'c3']);
		scope.done();
	});

	test('Update name and icon', async () => {
		await expectSame(
			() =>
				sdk().chats.update(CHAT, {
					display_name: 'Ops',
					group_chat_icon: 'https://example.com/i.png',
				}),
			{
				operation: 'update',
				chatId: chatLocator,
				updateFields: { displayName: 'Ops', groupChatIcon: 'https://example.com/i.png' },
			},
		);
	});

	test('Update with nothing to change is refused', async () => {
		await expectRefusedLocally(
			chat({ operation: 'update', chatId: chatLocator, updateFields: {} }),
			'Update Fields',
		);
	});
});

describe('chat actions', () => {
	test.each([
		['markAsRead', (c) => c.chats.markAsRead(CHAT)],
		['shareContactCard', (c) => c.chats.shareContactCard(CHAT)],
		['startTyping', (c) => c.chats.typing.start(CHAT)],
		['stopTyping', (c) => c.chats.typing.stop(CHAT)],
	])(
		'%s sends what the SDK sends and outputs success with the chat id',
		async (operation, call) => {
			const { out } = await expectSame(
				() => call(sdk()),
				{ operation, chatId: chatLocator },
				{ status: 204 },
			);
			expect(out).toEqual([{ json: { success: true, chat_id: CHAT }, pairedItem: { item: 0 } }]);
		},
	);

	test.each([
		['leave', (c) => c.chats.leaveChat(CHAT), { status: 'accepted', trace_id: 't1' }],
		['requestLocation', (c) => c.chats.location.request(CHAT), { success: true, message: 'sent' }],
		[
			'getLocation',
			(c) => c.chats.location.retrieve(CHAT),
			{ success: true, data: { type: 'FeatureCollection', features: [] } },
		],
	])('%s sends what the SDK sends and outputs the answer', async (operation, call, body) => {
		const { ours, theirs, out } = await expectSame(
			() => call(sdk()),
			{ operation, chatId: chatLocator },
			{ status: 200, body },
		);
		expect(out).toEqual([{ json: body, pairedItem: { item: 0 } }]);
		if (operation === 'getLocation') expect(ours.headers.accept).toBe(theirs.headers.accept);
	});
});

describe('Send Voice Memo', () => {
	test('from a URL', async () => {
		await expectSame(
			() => sdk().chats.sendVoicememo(CHAT, { voice_memo_url: 'https://example.com/memo.m4a' }),
			{
				operation: 'sendVoiceMemo',
				chatId: chatLocator,
				source: 'url',
				voiceMemoUrl: 'https://example.com/memo.m4a',
			},
		);
	});

	test('from a binary property: uploaded first, then sent by attachment id', async () => {
		const audio = crypto.randomBytes(4096);
		const theirs = await captureRequest(() =>
			sdk().chats.sendVoicememo(CHAT, { attachment_id: 'att-voice' }),
		);
		let uploaded;
		nock(BASE_URL)
			.post('/v3/attachments', {
				filename: 'memo.m4a',
				content_type: 'audio/x-m4a',
				size_bytes: 4096,
			})
			.reply(200, {
				attachment_id: 'att-voice',
				upload_url: 'https://uploads.linq.test/put/att-voice?sig=abc',
				required_headers: { 'Content-Type': 'audio/x-m4a' },
			});
		nock('https://uploads.linq.test')
			.put('/put/att-voice')
			.query({ sig: 'abc' })
			.reply(function (_, body) {
				// nock hands binary bodies over hex-encoded.
				uploaded = { headers: this.req.headers, body: Buffer.from(body, 'hex') };
				return [200, ''];
			});
		const sent = [];
		nock(BASE_URL)
			.post(`/v3/chats/${CHAT}/voicememo`)
			.reply(200, (uri, body) => {
				sent.push({ path: new URL(uri, 'http://x').pathname.replace('/api/partner', ''), body });
				return { voice_memo: { id: 'vm1' } };
			});
		const out = await runNode(
			chat({
				operation: 'sendVoiceMemo',
				chatId: chatLocator,
				source: 'binary',
				binaryPropertyName: 'data',
			}),
			{ items: [{ json: {}, binary: { data: binaryProperty(audio, 'memo.m4a', 'audio/x-m4a') } }] },
		);
		expect(sent).toEqual([{ path: theirs.path, body: theirs.body }]);
		expect(uploaded.headers.authorization).toBeUndefined();
		expect(crypto.createHash('sha256').update(uploaded.body).digest('hex')).toBe(
			crypto.createHash('sha256').update(audio).digest('hex'),
		);
		expect(out).toEqual([{ json: { voice_memo: { id: 'vm1' } }, pairedItem: { item: 0 } }]);
	});

	test('refuses a non-audio binary and a non-https URL', async () => {
		await expectRefusedLocally(
			chat({
				operation: 'sendVoiceMemo',
				chatId: chatLocator,
				source: 'binary',
				binaryPropertyName: 'data',
			}),
			'data',
			{
				items: [
					{ json: {}, binary: { data: binaryProperty(Buffer.from('png'), 'a.png', 'image/png') } },
				],
			},
		);
		await expectRefusedLocally(
			chat({
				operation: 'sendVoiceMemo',
				chatId: chatLocator,
				source: 'url',
				voiceMemoUrl: 'http://example.com/a.m4a',
			}),
			'Voice Memo URL',
		);
	});
});
