import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** What an operation may return for one input item: JSON objects, or items with binary data. */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

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
