/**
 * A small markup for iMessage text decorations, so a low-code user can write
 * `*bold* _italic_ __underline__ ~strikethrough~ [shake]animated[/shake]` instead of counting
 * character ranges. The markers are removed from the text and become Linq's
 * `text_decorations`, with ranges in UTF-16 code units as Linq counts them. One pass over the
 * text and one sort of the decorations: linear apart from the sort.
 */

export type TextStyle = 'bold' | 'italic' | 'underline' | 'strikethrough';

export const TEXT_ANIMATIONS = [
	'big',
	'small',
	'shake',
	'nod',
	'explode',
	'ripple',
	'bloom',
	'jitter',
] as const;
export type TextAnimation = (typeof TEXT_ANIMATIONS)[number];

export interface TextDecoration {
	range: [number, number];
	style?: TextStyle;
	animation?: TextAnimation;
}

export type MarkupResult =
	| { ok: true; text: string; decorations: TextDecoration[] }
	| { ok: false; message: string };

const STYLE_OF: Record<string, TextStyle> = {
	'*': 'bold',
	_: 'italic',
	__: 'underline',
	'~': 'strikethrough',
};
const ANIMATIONS = new Set<string>(TEXT_ANIMATIONS);
const ESCAPABLE = new Set(['*', '_', '~', '[', '\\']);
/** `[/explode]` is the longest tag. */
const MAX_TAG_LENGTH = 10;

type Token =
	| { kind: 'text'; value: string }
	| { kind: 'style'; marker: string; canOpen: boolean; canClose: boolean; raw: string }
	| { kind: 'tag'; name: string; closing: boolean; raw: string };

const isSpace = (character: string | undefined) => character !== undefined && /\s/.test(character);
const isWordCharacter = (character: string | undefined) =>
	character !== undefined && /[\p{L}\p{N}]/u.test(character);

function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < source.length) {
		const character = source[i];
		if (character === '\\' && ESCAPABLE.has(source[i + 1])) {
			tokens.push({ kind: 'text', value: source[i + 1] });
			i += 2;
			continue;
		}
		if (character === '*' || character === '~' || character === '_') {
			let end = i + 1;
			while (character === '_' && source[end] === '_' && end - i < 3) end++;
			const marker = source.slice(i, end);
			const before = source[i - 1];
			const after = source[end];
			if (STYLE_OF[marker]) {
				tokens.push({
					kind: 'style',
					marker,
					// Like chat apps: a marker opens at the start of a word and closes at its end,
					// so snake_case, 2*3 and URLs stay as they are.
					canOpen: after !== undefined && !isSpace(after) && !isWordCharacter(before),
					canClose: before !== undefined && !isSpace(before) && !isWordCharacter(after),
					raw: marker,
				});
			} else {
				tokens.push({ kind: 'text', value: marker });
			}
			i = end;
			continue;
		}
		if (character === '[') {
			const close = source.indexOf(']', i + 1);
			if (close !== -1 && close - i <= MAX_TAG_LENGTH) {
				const inner = source.slice(i + 1, close);
				const closing = inner.startsWith('/');
				const name = closing ? inner.slice(1) : inner;
				if (ANIMATIONS.has(name)) {
					tokens.push({ kind: 'tag', name, closing, raw: source.slice(i, close + 1) });
					i = close + 1;
					continue;
				}
			}
		}
		tokens.push({ kind: 'text', value: character });
		i++;
	}
	return tokens;
}

/** Which tokens are matched markers: index of opener → index of its closer. */
function matchMarkers(tokens: Token[]): Map<number, number> {
	const pairs = new Map<number, number>();
	const open = new Map<string, number[]>();
	for (const [index, token] of tokens.entries()) {
		if (token.kind === 'text') continue;
		const key = token.kind === 'style' ? token.marker : `[${token.name}]`;
		const stack = open.get(key) ?? [];
		const closes = token.kind === 'style' ? token.canClose : token.closing;
		const opens = token.kind === 'style' ? token.canOpen : !token.closing;
		const top = stack[stack.length - 1];
		if (closes && top !== undefined && top !== index - 1) {
			stack.pop();
			pairs.set(top, index);
		} else if (opens) {
			stack.push(index);
		}
		open.set(key, stack);
	}
	return pairs;
}

function describeDecoration(decoration: TextDecoration, text: string): string {
	const [start, end] = decoration.range;
	const what = decoration.animation ? `the ${decoration.animation} animation` : decoration.style;
	return `${what} on "${text.slice(start, Math.min(end, start + 30))}"`;
}

/** Linq refuses an animation that overlaps any other decoration; styles may overlap each other. */
function findOverlap(decorations: TextDecoration[], text: string): string | undefined {
	let widest: TextDecoration | undefined;
	let widestAnimation: TextDecoration | undefined;
	for (const decoration of decorations) {
		const [start] = decoration.range;
		const other = decoration.animation ? widest : widestAnimation;
		if (other && other.range[1] > start) {
			return `Text: ${describeDecoration(other, text)} overlaps ${describeDecoration(decoration, text)}; an animation cannot overlap another animation or a style`;
		}
		if (!widest || decoration.range[1] > widest.range[1]) widest = decoration;
		if (
			decoration.animation &&
			(!widestAnimation || decoration.range[1] > widestAnimation.range[1])
		) {
			widestAnimation = decoration;
		}
	}
	return undefined;
}

/** The plain text and its decorations, or why the markup cannot be sent. */
export function parseTextMarkup(source: string): MarkupResult {
	const tokens = tokenize(source);
	const pairs = matchMarkers(tokens);
	const closers = new Map<number, number>();
	for (const [opener, closer] of pairs) closers.set(closer, opener);

	let text = '';
	const starts = new Map<number, number>();
	const decorations: TextDecoration[] = [];
	for (const [index, token] of tokens.entries()) {
		if (token.kind === 'text') {
			text += token.value;
		} else if (pairs.has(index)) {
			starts.set(index, text.length);
		} else if (closers.has(index)) {
			const start = starts.get(closers.get(index) as number) as number;
			if (text.length > start) {
				decorations.push(
					token.kind === 'style'
						? { range: [start, text.length], style: STYLE_OF[token.marker] }
						: { range: [start, text.length], animation: token.name as TextAnimation },
				);
			}
		} else {
			text += token.raw;
		}
	}
	decorations.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
	const overlap = findOverlap(decorations, text);
	if (overlap) return { ok: false, message: overlap };
	return { ok: true, text, decorations };
}
