import type { INodeProperties } from 'n8n-workflow';

import { MAX_CONCURRENCY } from './operation';

/** Fields several operations share. Operation files spread them into their own lists. */

export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
	default: 1,
	description:
		'How many input items to process at the same time. Raise it to send long lists faster; output order stays the input order.',
};

/** The required, multi-line Text of a message or an edit. */
export function requiredTextField(description: string): INodeProperties {
	return {
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description,
	};
}

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

/** The n8n "Filters" collection of an operation, its entries sorted by name. */
export function filtersField(filters: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...filters].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Oldest First or Newest First, sent as `asc` or `desc`. */
export function sortOrderOption(displayName: string, name: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		options: [
			{ name: 'Oldest First', value: 'asc' },
			{ name: 'Newest First', value: 'desc' },
		],
		default: 'asc',
	};
}

/** One of your Linq numbers, picked from the node's `getPhoneNumberIds` list (V3 and V2). */
export const phoneNumberIdField: INodeProperties = {
	displayName: 'Phone Number Name or ID',
	name: 'phoneNumberId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPhoneNumberIds' },
	required: true,
	default: '',
	description:
		'The line to change. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
