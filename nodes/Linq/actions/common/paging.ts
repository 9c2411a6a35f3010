import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	linqApiRequest,
	linqApiRequestAllItems,
	type LinqRequest,
} from '../../../shared/transport';
import { textValue } from '../../../shared/textValue';

const MAX_CURSOR_LENGTH = 2_048;

/** The Options entry for callers who page through a list themselves. */
export const cursorOption: INodeProperties = {
	displayName: 'Cursor',
	name: 'cursor',
	type: 'string',
	default: '',
	description:
		'To page yourself: the next_cursor of an earlier page (empty = the first page). With this option the node makes one request of Limit results (100 at most) and outputs one item holding them and next_cursor, for the next request.',
};

/**
 * Get Many of a cursor-paged list: all or up to Limit results as items, or, when Options →
 * Cursor is set (even empty), exactly one page as one item with its `next_cursor`.
 */
export async function listPaged(
	this: IExecuteFunctions,
	request: LinqRequest & { itemIndex: number },
	property: string,
): Promise<IDataObject | IDataObject[]> {
	const { itemIndex } = request;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.cursor === undefined) {
		return await linqApiRequestAllItems.call(this, request, { property, returnAll, limit });
	}
	const cursor = textValue(this.getNode(), options.cursor, 'Cursor', itemIndex).trim();
	if (cursor.length > MAX_CURSOR_LENGTH) {
		throw new NodeOperationError(
			this.getNode(),
			`Cursor is longer than ${MAX_CURSOR_LENGTH} characters`,
			{
				itemIndex,
				description: 'Give the next_cursor of an earlier page as it was.',
			},
		);
	}
	const body = await linqApiRequest.call(this, {
		...request,
		qs: {
			...request.qs,
			limit: returnAll ? 100 : Math.min(100, Math.max(1, Math.floor(limit))),
			cursor: cursor || undefined,
		},
	});
	const next = body.next_cursor;
	return {
		[property]: (body[property] as IDataObject[] | undefined) ?? [],
		next_cursor: typeof next === 'string' && next !== '' ? next : null,
	};
}
