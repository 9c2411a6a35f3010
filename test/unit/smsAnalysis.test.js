'use strict';
const { analyzeSms, SEGMENT_SIZE } = require('../../nodes/shared/smsAnalysis');

const EMOJI = '😀'; // one character, two UTF-16 units
const a = (count) => 'a'.repeat(count);

describe('encoding', () => {
	test('plain text, accents of the GSM-7 alphabet and line breaks stay GSM-7', () => {
		const out = analyzeSms('Hallo Jürgen, à demain @ 10:00 £5 ¿qué?\nÆØÅ ΔΦΓ');
		expect(out.encoding).toBe('GSM-7');
		expect(out.nonGsmCharacters).toEqual([]);
	});

	test('one emoji or one typographic apostrophe switches to UCS-2 and is named', () => {
		expect(analyzeSms(`Thanks ${EMOJI}`)).toMatchObject({
			encoding: 'UCS-2',
			nonGsmCharacters: [EMOJI],
		});
		const curly = analyzeSms('We’re open');
		expect(curly.encoding).toBe('UCS-2');
		expect(curly.warnings.join(' ')).toContain('’ is not in the GSM-7 alphabet');
	});

	test('at most five distinct characters are listed', () => {
		expect(analyzeSms('ąćęłńóśźż ąąą').nonGsmCharacters).toEqual(['ą', 'ć', 'ę', 'ł', 'ń']);
	});
});

describe('segments at every boundary', () => {
	test.each([
		[0, 0],
		[1, 1],
		[160, 1],
		[161, 2],
		[306, 2],
		[307, 3],
		[459, 3],
		[460, 4],
		[918, 6],
		[919, 7],
	])('GSM-7: %i characters are %i segments', (length, segments) => {
		const out = analyzeSms(a(length));
		expect(out).toMatchObject({ encoding: 'GSM-7', characters: length, units: length, segments });
	});

	test.each([
		[70, 1],
		[71, 2],
		[134, 2],
		[135, 3],
		[201, 3],
		[202, 4],
	])('UCS-2: %i units with one emoji are %i segments', (units, segments) => {
		const out = analyzeSms(EMOJI + a(units - 2));
		expect(out).toMatchObject({ encoding: 'UCS-2', units, characters: units - 1, segments });
	});

	test('UCS-2 with a non-GSM character that is one unit: 70 and 71', () => {
		expect(analyzeSms('ł' + a(69)).segments).toBe(1);
		expect(analyzeSms('ł' + a(70)).segments).toBe(2);
	});

	test('GSM-7 extension characters count double: 80 euro signs fill one segment, 81 do not', () => {
		expect(analyzeSms('€'.repeat(80))).toMatchObject({
			encoding: 'GSM-7',
			characters: 80,
			units: 160,
			segments: 1,
		});
		expect(analyzeSms('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
		expect(analyzeSms('{}[]~^|\\\f').units).toBe(18);
		expect(analyzeSms(a(159) + '[')).toMatchObject({ units: 161, segments: 2 });
	});

	test('an extension character is never split between segments', () => {
		// 152 septets then "€": 154 septets do not fit in the first 153, so "€" opens segment 2.
		expect(analyzeSms(a(152) + '€' + a(151)).segments).toBe(2);
		expect(analyzeSms(a(152) + '€' + a(152)).segments).toBe(3);
	});

	test('an emoji is never split between UCS-2 segments', () => {
		// 66 units then a 2-unit emoji: it moves to segment 2 (67 + 67 + 1 would be wrong).
		expect(analyzeSms('ł' + a(65) + EMOJI + a(65)).segments).toBe(2);
		expect(analyzeSms('ł' + a(65) + EMOJI + a(66)).segments).toBe(3);
	});

	test('the segment sizes are those of the guide', () => {
		expect(SEGMENT_SIZE).toEqual({
			'GSM-7': { single: 160, multi: 153 },
			'UCS-2': { single: 70, multi: 67 },
		});
	});
});

describe('links', () => {
	test('counts links with a scheme, with www. and bare hosts with a path; not dotted words', () => {
		const out = analyzeSms(
			'See https://acme.com/a, www.acme.com and acme.com/offer (e.g. Mr.Smith at 10.30). acme.com',
		);
		expect(out.urls).toBe(3);
		expect(out.warnings.join(' ')).toContain('3 links in one message');
	});

	test('finds shorteners with or without a scheme, once each', () => {
		const out = analyzeSms('Go to bit.ly/x1 or https://www.bit.ly/x2 or TinyURL.com/abc');
		expect(out.shorteners).toEqual(['bit.ly', 'tinyurl.com']);
		expect(out.urls).toBe(3);
		expect(out.warnings.join(' ')).toContain('Link shortener bit.ly, tinyurl.com');
	});

	test('one direct link is fine', () => {
		const out = analyzeSms('Your order: https://shop.example.com/o/42');
		expect(out).toMatchObject({ urls: 1, shorteners: [], warnings: [] });
	});
});

describe('warnings in plain words', () => {
	test('a short GSM-7 text without links has none', () => {
		expect(analyzeSms('See you at 10').warnings).toEqual([]);
	});

	test('over one segment, and over six segments', () => {
		expect(analyzeSms(a(161)).warnings).toEqual([
			expect.stringContaining('2 segments (161 characters; one segment holds 160 in GSM-7)'),
		]);
		expect(analyzeSms(a(919)).warnings).toEqual([
			expect.stringContaining('extremely high failure rate'),
		]);
	});

	test('media over SMS', () => {
		const out = analyzeSms('', 2);
		expect(out).toMatchObject({ segments: 0, media: 2 });
		expect(out.warnings).toEqual([expect.stringContaining('2 media parts over SMS go as MMS')]);
	});
});

test('the longest text Linq accepts, full of links and emoji, and one 10,000-character word', () => {
	const text = `${EMOJI} https://bit.ly/abc `.repeat(500).slice(0, 10_000);
	const out = analyzeSms(text);
	expect(out.encoding).toBe('UCS-2');
	expect(out.shorteners).toEqual(['bit.ly']);
	const hostile = analyzeSms('a.'.repeat(5_000) + '/');
	expect(hostile.urls).toBe(0);
});
