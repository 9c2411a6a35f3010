import { NodeOperationError, type INode } from 'n8n-workflow';

import { isLinqId } from '../../../shared/linqId';
import { requireText } from '../../../shared/requireText';

/** The trimmed ID of a field that goes into a request path, refused unless it is one. */
export function requireId(node: INode, value: unknown, field: string, itemIndex: number): string {
	const id = requireText(node, value, field, itemIndex);
	if (!isLinqId(id)) {
		throw new NodeOperationError(node, `${field} "${id.slice(0, 100)}" is not a valid Linq ID`, {
			itemIndex,
			description: `Linq IDs are made of letters, digits, "-" and "_", like 550e8400-e29b-41d4-a716-446655440000. Check the expression that fills ${field}.`,
		});
	}
	return id;
}
