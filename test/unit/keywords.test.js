'use strict';
const { classifyKeyword, matchReply, normalizeReply } = require('../../nodes/shared/keywords');

describe('classifyKeyword', () => {
	test.each([
		['STOP', 'stop'],
		[' stop. ', 'stop'],
		['Opt-Out', 'stop'],
		['start', 'start'],
		['HELP?', 'help'],
		['please stop by at 5', null],
		['', null],
		[undefined, null],
		['stop'.repeat(60), null],
	])('%j → %j', (text, keyword) => {
		expect(classifyKeyword(text).keyword).toBe(keyword);
	});
});

describe('matchReply', () => {
	test.each([
		['Yes!', true],
		['YES 👍', true],
		['nope', false],
		['STOP', false],
		['maybe', null],
		['sí', null],
	])('%j → approved %j', (text, approved) => {
		expect(matchReply(text).approved).toBe(approved);
	});

	test('an opt-out is flagged as one', () => {
		expect(matchReply('unsubscribe')).toEqual({ approved: false, opt_out: true, keyword: 'stop' });
	});

	test('custom words are normalised like the reply', () => {
		expect(matchReply('Ja!', ['JA'], ['nein']).approved).toBe(true);
	});
});

test('normalizeReply keeps letters of any script and drops emoji', () => {
	expect(normalizeReply('  Bonjour, ça va? 🙂 ')).toBe('bonjour ça va');
});
