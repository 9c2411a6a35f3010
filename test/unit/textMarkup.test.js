'use strict';
const { parseTextMarkup } = require('../../nodes/Linq/actions/common/textMarkup');
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { CHAT, keyOfItem } = require('../support/requestFixtures');
const { expectRefusedLocally } = require('../support/localError');

const parse = (source) => parseTextMarkup(source);

describe('styles', () => {
	test('bold, italic, underline and strikethrough become ranges over the text without markers', () => {
		expect(parse('*Hello* _dear_ __Sam__ ~old~')).toEqual({
			ok: true,
			text: 'Hello dear Sam old',
			decorations: [
				{ range: [0, 5], style: 'bold' },
				{ range: [6, 10], style: 'italic' },
				{ range: [11, 14], style: 'underline' },
				{ range: [15, 18], style: 'strikethrough' },
			],
		});
	});

	test('styles may nest and overlap', () => {
		expect(parse('*bold _both* italic_')).toEqual({
			ok: true,
			text: 'bold both italic',
			decorations: [
				{ range: [0, 9], style: 'bold' },
				{ range: [5, 16], style: 'italic' },
			],
		});
	});

	test('ranges count UTF-16 units, as Linq does: an emoji before a range moves it by two', () => {
		expect(parse('😀 *ok*')).toEqual({
			ok: true,
			text: '😀 ok',
			decorations: [{ range: [3, 5], style: 'bold' }],
		});
	});

	test.each([
		['snake_case_name', 'snake_case_name'],
		['2*3*4 = 24', '2*3*4 = 24'],
		['5 * 3 = 15 and 2 * 2', '5 * 3 = 15 and 2 * 2'],
		['https://x.example.com/a_b_c', 'https://x.example.com/a_b_c'],
		['an *unclosed marker', 'an *unclosed marker'],
		['empty ** pair', 'empty ** pair'],
		['___three___', '___three___'],
		['\\*not bold\\*', '*not bold*'],
		['a \\ backslash', 'a \\ backslash'],
	])('%s is left as text', (source, text) => {
		expect(parse(source)).toEqual({ ok: true, text, decorations: [] });
	});
});

describe('animations', () => {
	test('[name]…[/name] for the eight animations', () => {
		expect(parse('Happy [big]birthday[/big] and [jitter]go[/jitter]')).toEqual({
			ok: true,
			text: 'Happy birthday and go',
			decorations: [
				{ range: [6, 14], animation: 'big' },
				{ range: [19, 21], animation: 'jitter' },
			],
		});
	});

	test('unknown or unclosed tags are text', () => {
		expect(parse('[spin]x[/spin] [shake]y')).toEqual({
			ok: true,
			text: '[spin]x[/spin] [shake]y',
			decorations: [],
		});
	});

	test.each([
		[
			'*[shake]bold and shaking[/shake]*',
			'the shake animation on "bold and shaking" overlaps bold',
		],
		['[nod]a *b[/nod] c*', 'the nod animation on "a b" overlaps bold'],
		[
			'[big]one [small]two[/small][/big]',
			'the big animation on "one two" overlaps the small animation',
		],
	])('an animation overlapping anything is refused: %s', (source, message) => {
		const result = parse(source);
		expect(result.ok).toBe(false);
		expect(result.message).toContain(message);
		expect(result.message).toMatch(/^Text: /);
	});
});

test('10,000 characters of markers parse in one pass', () => {
	const source = '*a* _b_ ~c~ [big]d[/big] '.repeat(400).slice(0, 10_000);
	const result = parse(source);
	expect(result.ok).toBe(true);
	expect(result.decorations.length).toBeGreaterThan(1500);
	expect(parse('*'.repeat(10_000)).ok).toBe(true);
	expect(parse('['.repeat(10_000)).text).toBe('['.repeat(10_000));
});

describe('Options → Text Formatting → Markup on a send', () => {
	const KEY = keyOfItem();
	const params = (text, options = { textFormat: 'markup' }) => ({
		resource: 'message',
		operation: 'sendInChat',
		chatId: { __rl: true, mode: 'id', value: CHAT },
		text,
		link: '',
		options,
	});

	test('sends the text_decorations the SDK sends', async () => {
		const theirs = await captureRequest(() =>
			sdk().chats.messages.send(CHAT, {
				message: {
					parts: [
						{
							type: 'text',
							value: 'Sale ends tonight',
							text_decorations: [
								{ range: [0, 4], style: 'bold' },
								{ range: [10, 17], animation: 'shake' },
							],
						},
					],
					idempotency_key: KEY,
				},
			}),
		);
		const ours = await captureRequest(() => runNode(params('*Sale* ends [shake]tonight[/shake]')));
		expectSameRequest(ours, theirs);
	});

	test('Plain Text (the default) sends the markers as written', async () => {
		const ours = await captureRequest(() => runNode(params('*Sale*', {})));
		expect(ours.body.message.parts).toEqual([{ type: 'text', value: '*Sale*' }]);
	});

	test('an overlapping animation is refused before any request, naming Text and the item', async () => {
		const error = await expectRefusedLocally(params('*[nod]hi[/nod]*'), 'Text');
		expect(error.description).toContain('Nothing was sent');
	});

	test('the SMS analysis counts the text without markers', async () => {
		let out;
		await captureRequest(async () => {
			out = await runNode(params(`*${'a'.repeat(160)}*`));
		});
		expect(out[0].json.sms).toMatchObject({ characters: 160, segments: 1 });
	});
});
