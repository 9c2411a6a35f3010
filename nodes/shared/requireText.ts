import { NodeOperationError, type INode } from 'n8n-workflow';

import { textValue } from './textValue';

/**
 * The trimmed value of a required text field. n8n only checks required fields typed in by
 * hand; an expression can still resolve to nothing, and an empty ID would change the path.
 */
export function requireText(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = textValue(node, value, field, itemIndex).trim();
	if (text === '') {
		throw new NodeOperationError(node, `${field} is empty`, {
			itemIndex,
			description: `Give a value for ${field}, or check the expression that fills it.`,
		});
	}
	return text;
}
