'use strict';
const {
	MAX_KEYWORD_INPUT,
	classifyKeyword,
	matchReply,
	normalizeReply,
} = require('../../nodes/shared/keywords');

/**
 * The whole-message rule: a carrier keyword counts only when it is all the message says, with
 * case, surrounding whitespace, punctuation and emoji ignored.
 */
describe('classifyKeyword', () => {
	test.each([
		// Opt-out words, as typed.
		['STOP', 'stop'],
		['stop', 'stop'],
		['Stop', 'stop'],
		['STOPALL', 'stop'],
		['Stop all', 'stop'],
		['UNSUBSCRIBE', 'stop'],
		['Cancel', 'stop'],
		['end', 'stop'],
		['QUIT', 'stop'],
		['revoke', 'stop'],
		['OPTOUT', 'stop'],
		['Opt-Out', 'stop'],
		['opt out', 'stop'],
		['opt_out', 'stop'],
		// Whitespace, punctuation and emoji around the word.
		[' stop. ', 'stop'],
		['\n\tSTOP\n', 'stop'],
		['STOP!!!', 'stop'],
		['"Stop"', 'stop'],
		['(stop)', 'stop'],
		['#STOP', 'stop'],
		['S.T.O.P.', 'stop'],
		['stop 🛑', 'stop'],
		['🛑 STOP 🛑', 'stop'],
		['STOP ✋🏽', 'stop'],
		['stop\u200b', 'stop'],
		['ＳＴＯＰ', 'stop'],
		[`${' '.repeat(300)}STOP${' '.repeat(300)}`, 'stop'],
		// Opt-in and help words.
		['START', 'start'],
		['unstop', 'start'],
		['Subscribe!', 'start'],
		['HELP', 'help'],
		['help?', 'help'],
		['Info', 'help'],
		['INFO 🙏', 'help'],
		// Sentences that merely contain a keyword.
		['please stop by at 5', null],
		['stop it', null],
		["don't stop", null],
		['Stop 2', null],
		['STOP STOP', null],
		['I need help', null],
		['help me', null],
		['more info please', null],
		['start over', null],
		['The end', null],
		['cancel my 3pm', null],
		// Near misses: other words, other scripts.
		['stopping', null],
		['stopped', null],
		['endless', null],
		['information', null],
		['helpful', null],
		['opt in', null],
		['СТОП', null],
		['yes', null],
		// Nothing to read.
		['', null],
		['   ', null],
		['👍', null],
		['?!', null],
		[undefined, null],
		[null, null],
		[42, null],
		[{ text: 'STOP' }, null],
		[['STOP'], null],
		['stop'.repeat(60), null],
	])('%j → %j', (text, keyword) => {
		expect(classifyKeyword(text).keyword).toBe(keyword);
	});

	test('each keyword sets exactly its flag', () => {
		expect(classifyKeyword('STOP')).toEqual({
			keyword: 'stop',
			opt_out: true,
			opt_in: false,
			help: false,
		});
		expect(classifyKeyword('start')).toEqual({
			keyword: 'start',
			opt_out: false,
			opt_in: true,
			help: false,
		});
		expect(classifyKeyword('info')).toEqual({
			keyword: 'help',
			opt_out: false,
			opt_in: false,
			help: true,
		});
		expect(classifyKeyword('hello')).toEqual({
			keyword: null,
			opt_out: false,
			opt_in: false,
			help: false,
		});
	});

	test('text longer than the limit once trimmed is never a keyword', () => {
		const padded = `STOP ${'.'.repeat(MAX_KEYWORD_INPUT)}`;
		expect(classifyKeyword(padded).keyword).toBeNull();
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
