import { NodeOperationError, type INode } from 'n8n-workflow';

import { requireText } from '../../../shared/requireText';

/**
 * Linq IDs are UUIDs or simple tokens. Anything else could change the endpoint once it is in
 * the path: `.` and `..` climb up (DELETE /v3/webhook-subscriptions/), and slashes, encoded
 * or not, add segments.
 */
const LINQ_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;

/** The trimmed ID of a field that goes into a request path, refused unless it is one. */
export function requireId(node: INode, value: unknown, field: string, itemIndex: number): string {
	const id = requireText(node, value, field, itemIndex);
	if (!LINQ_ID.test(id) || id.includes('..')) {
		throw new NodeOperationError(node, `${field} "${id.slice(0, 100)}" is not a valid Linq ID`, {
			itemIndex,
			description: `Linq IDs are made of letters, digits, "-" and "_", like 550e8400-e29b-41d4-a716-446655440000. Check the expression that fills ${field}.`,
		});
	}
	return id;
}
