/**
 * Carrier keywords (STOP, START, HELP…) and the words people use to answer yes or no.
 *
 * A keyword counts only when it is the whole message: "please stop by at 5" is not an opt-out.
 * Case, surrounding whitespace, punctuation and emoji are ignored. All work is linear in the
 * input: only trimming sees more than MAX_KEYWORD_INPUT characters.
 */

export type CarrierKeyword = 'stop' | 'start' | 'help';

export interface KeywordFlags {
	keyword: CarrierKeyword | null;
	opt_out: boolean;
	opt_in: boolean;
	help: boolean;
}

/** Longer messages are never a single keyword; looking further is wasted work. */
export const MAX_KEYWORD_INPUT = 200;

const CARRIER_KEYWORDS: ReadonlyMap<string, CarrierKeyword> = new Map([
	...['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'revoke', 'optout'].map(
		(word) => [word, 'stop'] as const,
	),
	...['start', 'unstop', 'subscribe'].map((word) => [word, 'start'] as const),
	...['help', 'info'].map((word) => [word, 'help'] as const),
]);

/**
 * Lower-cases and keeps letters and digits (any script), with single spaces between the words.
 * Returns '' for text that is only punctuation or emoji, and for text too long to be a keyword
 * once the whitespace around it is trimmed. NFKC folds full-width letters (ＳＴＯＰ, typed on
 * East Asian keyboards) into the ASCII ones.
 */
export function normalizeReply(text: unknown): string {
	if (typeof text !== 'string') return '';
	const trimmed = text.trim();
	if (trimmed.length > MAX_KEYWORD_INPUT) return '';
	let out = '';
	let pendingSpace = false;
	for (const char of trimmed.normalize('NFKC').toLowerCase()) {
		if (/[\p{L}\p{N}]/u.test(char)) {
			if (pendingSpace && out !== '') out += ' ';
			out += char;
			pendingSpace = false;
		} else if (/[\s\-_]/u.test(char)) {
			pendingSpace = true;
		}
		// Other punctuation, symbols and emoji are dropped without splitting words ("opt-out"
		// keeps its hyphen as a space, "y!" becomes "y").
	}
	return out;
}

/** The carrier keyword a whole message is, if any. "Opt out" and "opt-out" count as OPTOUT. */
export function classifyKeyword(text: unknown): KeywordFlags {
	const normalized = normalizeReply(text).replace(/ /g, '');
	const keyword = normalized === '' ? null : (CARRIER_KEYWORDS.get(normalized) ?? null);
	return {
		keyword,
		opt_out: keyword === 'stop',
		opt_in: keyword === 'start',
		help: keyword === 'help',
	};
}

export const DEFAULT_APPROVE_WORDS = [
	'yes',
	'y',
	'yep',
	'yeah',
	'confirm',
	'confirmed',
	'ok',
	'okay',
];
export const DEFAULT_DECLINE_WORDS = ['no', 'n', 'nope', 'cancel', 'decline'];

export interface ReplyMatch {
	/** true for an approve word, false for a decline word or an opt-out, null otherwise. */
	approved: boolean | null;
	opt_out: boolean;
	keyword: CarrierKeyword | null;
}

/**
 * Reads a reply as approve, decline or neither. The words are compared after the same
 * normalisation as the reply, so "Yes!", "YES 👍" and " yes. " all match "yes". An opt-out
 * keyword always declines, whatever the word lists say.
 */
export function matchReply(
	text: unknown,
	approveWords: readonly string[] = DEFAULT_APPROVE_WORDS,
	declineWords: readonly string[] = DEFAULT_DECLINE_WORDS,
): ReplyMatch {
	const flags = classifyKeyword(text);
	if (flags.opt_out) return { approved: false, opt_out: true, keyword: flags.keyword };
	const reply = normalizeReply(text);
	const matches = (words: readonly string[]) =>
		reply !== '' && words.some((word) => normalizeReply(word) === reply);
	let approved: boolean | null = null;
	if (matches(approveWords)) approved = true;
	else if (matches(declineWords)) approved = false;
	return { approved, opt_out: false, keyword: flags.keyword };
}
