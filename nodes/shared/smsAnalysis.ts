/**
 * What a text costs and risks as SMS, by the rules of Linq's SMS best-practices guide: the
 * encoding (GSM-7, or UCS-2 as soon as one character is outside GSM-7), the segments carriers
 * split it into, and the links carriers filter. Pure and linear in the length of the text.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsAnalysis {
	encoding: SmsEncoding;
	/** Characters as people count them (Unicode code points). */
	characters: number;
	/** What the segment sizes count: septets in GSM-7 (extension characters take 2), UTF-16 units in UCS-2 (most emoji take 2). */
	units: number;
	segments: number;
	urls: number;
	shorteners: string[];
	/** The first few distinct characters that forced UCS-2. */
	nonGsmCharacters: string[];
	media: number;
	warnings: string[];
}

/** Segment sizes: one segment alone, or each segment of a longer (concatenated) message. */
export const SEGMENT_SIZE = {
	'GSM-7': { single: 160, multi: 153 },
	'UCS-2': { single: 70, multi: 67 },
} as const;

/** Above this many segments the guide reports an extremely high failure rate. */
export const MAX_RELIABLE_SEGMENTS = 6;

const GSM_BASIC = new Set(
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** Sent as an escape and the character: two septets each. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const SHORTENERS = new Set([
	'bit.ly',
	'bitly.com',
	'bl.ink',
	'buff.ly',
	'cutt.ly',
	'goo.gl',
	'is.gd',
	'lnkd.in',
	'ow.ly',
	'rb.gy',
	'rebrand.ly',
	's.id',
	'short.io',
	'shorturl.at',
	't.co',
	't.ly',
	'tiny.cc',
	'tinyurl.com',
	'trib.al',
	'v.gd',
]);

const MAX_LISTED_CHARACTERS = 5;
const MAX_HOST_LENGTH = 253;
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/;
const LEADING_PUNCTUATION = /^[(<["'*_~]+/;
const TRAILING_PUNCTUATION = /[)>\]"'.,;:!?*_~]+$/;

/** Splits `costs` (one entry per unbreakable character) into segments, never splitting a character. */
function countSegments(costs: number[], units: number, encoding: SmsEncoding): number {
	if (units === 0) return 0;
	const size = SEGMENT_SIZE[encoding];
	if (units <= size.single) return 1;
	let segments = 1;
	let used = 0;
	for (const cost of costs) {
		if (used + cost > size.multi) {
			segments++;
			used = 0;
		}
		used += cost;
	}
	return segments;
}

interface Link {
	host: string;
}

/**
 * A word that is a link: with a scheme, starting with www., or a bare host followed by a path
 * (`example.com/offer`). A bare shortener host counts too: carriers flag it either way.
 */
function linkOf(word: string): Link | undefined {
	const token = word
		.replace(LEADING_PUNCTUATION, '')
		.replace(TRAILING_PUNCTUATION, '')
		.toLowerCase();
	const scheme = /^https?:\/\//.exec(token);
	const rest = scheme ? token.slice(scheme[0].length) : token;
	const end = rest.search(/[/?#:]/);
	const host = (end === -1 ? rest : rest.slice(0, end)).replace(/^www\./, '');
	if (host.length === 0 || host.length > MAX_HOST_LENGTH || !HOST.test(host)) return undefined;
	if (
		scheme ||
		rest.startsWith('www.') ||
		(end !== -1 && rest[end] === '/') ||
		SHORTENERS.has(host)
	) {
		return { host };
	}
	return undefined;
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The SMS analysis of a message's text, with `media` media parts beside it. */
export function analyzeSms(text: string, media = 0): SmsAnalysis {
	let characters = 0;
	let septets = 0;
	let utf16 = 0;
	let gsm = true;
	const septetCosts: number[] = [];
	const utf16Costs: number[] = [];
	const nonGsm: string[] = [];
	for (const character of text) {
		characters++;
		const cost = GSM_EXTENSION.has(character) ? 2 : 1;
		septets += cost;
		septetCosts.push(cost);
		utf16 += character.length;
		utf16Costs.push(character.length);
		if (!GSM_BASIC.has(character) && !GSM_EXTENSION.has(character)) {
			gsm = false;
			if (nonGsm.length < MAX_LISTED_CHARACTERS && !nonGsm.includes(character))
				nonGsm.push(character);
		}
	}
	const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
	const units = gsm ? septets : utf16;
	const segments = countSegments(gsm ? septetCosts : utf16Costs, units, encoding);

	let urls = 0;
	const shorteners: string[] = [];
	for (const word of text.split(/\s+/)) {
		const link = word ? linkOf(word) : undefined;
		if (!link) continue;
		urls++;
		if (SHORTENERS.has(link.host) && !shorteners.includes(link.host)) shorteners.push(link.host);
	}

	const warnings: string[] = [];
	const size = SEGMENT_SIZE[encoding].single;
	if (segments > MAX_RELIABLE_SEGMENTS) {
		warnings.push(
			`As SMS this is ${segments} segments: messages over ${MAX_RELIABLE_SEGMENTS} segments have an extremely high failure rate. Shorten it or send it by iMessage or RCS.`,
		);
	} else if (segments > 1) {
		warnings.push(
			`As SMS this is ${segments} segments (${units} characters; one segment holds ${size} in ${encoding}). Each segment counts toward carrier limits: keep SMS under one segment.`,
		);
	}
	if (!gsm) {
		warnings.push(
			`${nonGsm.join(' ')} ${nonGsm.length === 1 ? 'is' : 'are'} not in the GSM-7 alphabet, so SMS switches to UCS-2: ${SEGMENT_SIZE['UCS-2'].single} characters per segment instead of ${SEGMENT_SIZE['GSM-7'].single}.`,
		);
	}
	if (urls > 1) {
		warnings.push(
			`${plural(urls, 'link')} in one message: carriers often block SMS with several links without telling anyone. Send one link per message.`,
		);
	}
	if (shorteners.length > 0) {
		warnings.push(
			`Link shortener ${shorteners.join(', ')}: carriers flag shortened links. Use the full, direct address.`,
		);
	}
	if (media > 0) {
		warnings.push(
			`${plural(media, 'media part')} over SMS go as MMS, which carriers throttle faster. Prefer iMessage or RCS for media.`,
		);
	}
	return {
		encoding,
		characters,
		units,
		segments,
		urls,
		shorteners,
		nonGsmCharacters: nonGsm,
		media,
		warnings,
	};
}
