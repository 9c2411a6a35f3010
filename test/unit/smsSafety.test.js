'use strict';
/** Options → SMS Safety on every send: the analysis in the output, and Block refusing before any request. */
const nock = require('nock');
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { CHAT, chatLocator, keyOfItem } = require('../support/requestFixtures');
const { expectRefusedLocally } = require('../support/localError');
const { binaryProperty, createExecuteContext } = require('../support/harness');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { brokenSmsRule } = require('../../nodes/Linq/actions/common/smsSafety');
const { analyzeSms } = require('../../nodes/shared/smsAnalysis');

const KEY = keyOfItem();
const LONG = 'Your appointment with Dr. Rivera is confirmed. '.repeat(4); // 188 GSM-7 characters

const send = (text, options = {}, extra = {}) => ({
	resource: 'message',
	operation: 'sendInChat',
	chatId: chatLocator,
	text,
	link: '',
	options,
	...extra,
});

describe('Warn (the default)', () => {
	test('the request is unchanged and the output carries the analysis with its warnings', async () => {
		const text = 'Hi 👋 see bit.ly/x and https://acme.example.com/menu';
		const theirs = await captureRequest(() =>
			sdk().chats.messages.send(CHAT, {
				message: { parts: [{ type: 'text', value: text }], idempotency_key: KEY },
			}),
		);
		let out;
		const ours = await captureRequest(
			async () => {
				out = await runNode(send(text));
			},
			{ reply: { body: { chat_id: CHAT, message: { id: 'm1' } } } },
		);
		expectSameRequest(ours, theirs);
		expect(out[0].json.sms).toEqual({
			encoding: 'UCS-2',
			characters: text.length - 1,
			units: text.length,
			segments: 1,
			urls: 2,
			shorteners: ['bit.ly'],
			nonGsmCharacters: ['👋'],
			media: 0,
			warnings: [
				expect.stringContaining('not in the GSM-7 alphabet'),
				expect.stringContaining('2 links in one message'),
				expect.stringContaining('Link shortener bit.ly'),
			],
		});
	});

	test('Block on Auto service sends, with the warnings: Auto may fall back to SMS', async () => {
		let out;
		await captureRequest(async () => {
			out = await runNode(send(LONG, { smsSafety: 'block', smsMaxSegments: 1 }));
		});
		expect(out[0].json.sms.segments).toBe(2);
		expect(out[0].json.sms.warnings[0]).toContain('2 segments');
	});
});

test('Off: no analysis in the output', async () => {
	let out;
	await captureRequest(
		async () => {
			out = await runNode(send('Hi', { smsSafety: 'off' }));
		},
		{ reply: { body: { chat_id: CHAT } } },
	);
	expect(out[0].json).toEqual({ chat_id: CHAT });
});

describe('Block with Preferred Service SMS refuses before any request', () => {
	const block = (rules) => ({
		smsSafety: 'block',
		preferredService: 'SMS',
		smsMaxSegments: 1,
		...(rules ? { smsBlockRules: rules } : {}),
	});

	test('too many segments, on Send in Chat, naming Text and the item', async () => {
		const error = await expectRefusedLocally(send(LONG, block()), 'Text');
		expect(error.message).toBe(
			'Text would go as 2 SMS segments (188 characters in GSM-7); SMS Safety blocks more than 1',
		);
		expect(error.description).toContain('Nothing was sent');
	});

	test('several links, on Send', async () => {
		await expectRefusedLocally(
			{
				resource: 'message',
				operation: 'send',
				to: '+15551230001',
				text: 'https://a.example.com/1 https://a.example.com/2',
				link: '',
				options: block(),
			},
			'2 links',
		);
	});

	test('a shortener, on Chat → Create: item 1 of 2 is refused before its request, item 0 was sent', async () => {
		const params = (itemIndex) => ({
			resource: 'chat',
			operation: 'create',
			from: '+15559990000',
			to: '+15551230001',
			text: itemIndex === 0 ? 'Welcome' : 'Welcome, menu at tinyurl.com/m3nu',
			link: '',
			options: block(['shorteners']),
		});
		const requests = [];
		nock('https://api.linq.test')
			.post('/api/partner/v3/chats')
			.reply(201, (_, body) => {
				requests.push(body);
				return { chat: { id: 'c1' } };
			});
		const ctx = createExecuteContext({ params, items: [{ json: {} }, { json: {} }] });
		const error = await new Linq().execute.call(ctx).catch((caught) => caught);
		expect(error.message).toContain('Text links through the shortener tinyurl.com');
		expect(error.context.itemIndex).toBe(1);
		expect(requests).toHaveLength(1);
		expect(requests[0].message.parts[0].value).toBe('Welcome');
	});

	test('binary media are not uploaded for a refused message', async () => {
		await expectRefusedLocally(
			send(LONG, block(), {
				media: { mediaValues: [{ source: 'binary', binaryPropertyName: 'data' }] },
			}),
			'Text',
			{
				items: [
					{ json: {}, binary: { data: binaryProperty(Buffer.from('jpg'), 'a.jpg', 'image/jpeg') } },
				],
			},
		);
	});

	test('a rule not chosen does not refuse', async () => {
		const ours = await captureRequest(() => runNode(send(LONG, block(['urls', 'shorteners']))));
		expect(ours.body.message.preferred_service).toBe('SMS');
	});
});

describe('brokenSmsRule', () => {
	test('segments at the limit pass, one more is refused', () => {
		expect(brokenSmsRule(analyzeSms('a'.repeat(306)), ['segments'], 2)).toBeUndefined();
		expect(brokenSmsRule(analyzeSms('a'.repeat(307)), ['segments'], 2)).toContain('3 SMS segments');
	});

	test('no rules, no refusal', () => {
		expect(
			brokenSmsRule(analyzeSms('bit.ly/a bit.ly/b ' + 'x'.repeat(2000)), [], 1),
		).toBeUndefined();
	});
});
