import {
	NodeOperationError,
	type IExecuteFunctions,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';

/** Which part of a multipart message an operation targets. */
export function partIndexOption(purpose: string): INodeProperties {
	return {
		displayName: 'Part Index',
		name: 'partIndex',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: `Which part of the message to ${purpose}, counting from 0`,
	};
}

/** A part index option: unset, or a whole number from 0 (Linq would turn "abc" into null). */
export function partIndex(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const index = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
		const shown = typeof value === 'string' || typeof value === 'number' ? ` "${value}"` : '';
		throw new NodeOperationError(node, `${field}${shown} is not a whole number from 0`, {
			itemIndex,
			description: `${field} counts the parts of the message from 0 (the first part).`,
		});
	}
	return index;
}

/** The Part Index field of an operation's Options (Edit, React). */
export function readPartIndexOption(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const value = ctx.getNodeParameter('options.partIndex', itemIndex, '');
	return partIndex(ctx.getNode(), value, 'Part Index', itemIndex);
}
