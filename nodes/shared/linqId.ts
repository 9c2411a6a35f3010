/**
 * Linq IDs are UUIDs or simple tokens. Anything else could change the endpoint once it is in
 * a request path: `.` and `..` climb up (DELETE /v3/webhook-subscriptions/), and slashes,
 * encoded or not, add segments.
 */
const LINQ_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;

/** Whether a value can go into a request path as a Linq ID. */
export function isLinqId(value: unknown): boolean {
	return typeof value === 'string' && LINQ_ID.test(value) && !value.includes('..');
}
