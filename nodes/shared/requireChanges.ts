import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

/**
 * The body of an update, refused when it would change nothing: an empty update is
 * almost always a mapping mistake upstream, and the API would answer it with a bare success.
 */
export function requireChanges(
	node: INode,
	body: IDataObject,
	fieldNames: string[],
	itemIndex: number,
): IDataObject {
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(node, 'Update Fields is empty', {
			itemIndex,
			description: `Add at least one of ${fieldNames.join(', ')} to change.`,
		});
	}
	return body;
}
