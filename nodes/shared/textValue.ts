import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * The one reader for text fields: a string as given, a number as its digits, nothing as ''.
 * A list or an object from an expression is refused, never coerced: String(["a","b"]) is
 * "a,b" and String({}) is "[object Object]", both of which would be sent to a real person.
 */
export function textValue(node: INode, value: unknown, field: string, itemIndex: number): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	const what = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
	throw new NodeOperationError(node, `${field} is ${what}, not text`, {
		itemIndex,
		description: `Give ${field} a single text value. If an expression fills it, pick one value, or join a list yourself, for example with .join(', ').`,
	});
}

/** The longest text Linq takes in one message, in V3 and V2 alike. */
export const MAX_TEXT_LENGTH = 10_000;

/** The one wording for a text over its length limit; undefined when the text fits. */
export function textTooLong(
	text: string,
	field: string,
	max = MAX_TEXT_LENGTH,
): string | undefined {
	if (text.length <= max) return undefined;
	const count = (n: number) => n.toLocaleString('en-US');
	return `${field} is ${count(text.length)} characters long; Linq accepts up to ${count(max)}`;
}
