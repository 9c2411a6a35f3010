import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** Input items one node run processes at the same time, at most (the Concurrency option). */
export const MAX_CONCURRENCY = 10;

/**
 * Items an operation built itself, with binary data for instance, marked as such so the router
 * passes them on unchanged. Whatever else an operation returns is the API's JSON and becomes the
 * items' `json` as it is, even when it has a field named `json`.
 */
export class OutputItems {
	constructor(readonly items: INodeExecutionData[]) {}
}

/** What an operation returns for one input item: the API's JSON object(s), or its own items. */
export type OperationResult = IDataObject | IDataObject[] | OutputItems;

/**
 * One operation of one resource, in one file: its entry in the Operation dropdown, its
 * fields (the resource adds the displayOptions) and what it does for one item.
 */
export interface LinqOperation {
	value: string;
	name: string;
	action: string;
	description: string;
	properties: INodeProperties[];
	/** Items of this operation may run concurrently (the `options.concurrency` field). */
	concurrent?: boolean;
	/** Only the first input item is processed, as in n8n's Send and Wait nodes. */
	firstItemOnly?: boolean;
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

export interface LinqResource {
	value: string;
	name: string;
	description?: string;
	operations: LinqOperation[];
	defaultOperation: string;
}
