import type { INodeProperties } from 'n8n-workflow';

/** The n8n "Options" collection of an operation, its entries sorted by name. */
export function optionsField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

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
