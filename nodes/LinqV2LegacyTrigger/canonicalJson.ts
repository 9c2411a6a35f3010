/**
 * The canonical JSON Linq's V2 webhook reference says its signature is computed on: object keys
 * sorted (recursively), no whitespace, as JSON.stringify writes it. Array order is kept.
 */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value === null || typeof value !== 'object') return value;
	const record = value as Record<string, unknown>;
	const sorted: Record<string, unknown> = {};
	for (const key of Object.keys(record).sort()) sorted[key] = sortKeys(record[key]);
	return sorted;
}

/**
 * The same text as Rails writes it by default (ActiveSupport escapes `<`, `>`, `&` and the two
 * line separators that break JavaScript), since Linq's V2 API is a Rails application.
 */
export function railsEscaped(json: string): string {
	return json
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}
