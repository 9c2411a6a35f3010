import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import {
	MAX_CONCURRENCY,
	OutputItems,
	type LinqOperation,
	type LinqResource,
	type OperationResult,
} from './operation';

function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const items =
		result instanceof OutputItems
			? result.items
			: (Array.isArray(result) ? result : [result]).map((json) => ({ json }));
	return items.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
}

function findOperation(ctx: IExecuteFunctions, resources: LinqResource[]): LinqOperation {
	const resourceName = ctx.getNodeParameter('resource', 0) as string;
	const operationName = ctx.getNodeParameter('operation', 0) as string;
	const operation = resources
		.find((resource) => resource.value === resourceName)
		?.operations.find((candidate) => candidate.value === operationName);
	if (!operation) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operationName}" of resource "${resourceName}" is not known`,
		);
	}
	return operation;
}

/**
 * The item loop of both action nodes (Linq and Linq V2): runs the chosen operation of `resources` for every input item, up to `concurrency` items at a time.
 * Output keeps input order; each output item is paired with the item it came from.
 * Without "Continue On Fail", the first failure (by item order) stops the node once the
 * items already under way have finished, so none of them is left half done.
 */
export async function route(
	this: IExecuteFunctions,
	resources: LinqResource[],
): Promise<INodeExecutionData[][]> {
	const operation = findOperation(this, resources);
	const items = operation.firstItemOnly ? this.getInputData().slice(0, 1) : this.getInputData();
	const requested = operation.concurrent
		? Number(this.getNodeParameter('options.concurrency', 0, 1))
		: 1;
	const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(requested) || 1));

	const results: INodeExecutionData[][] = new Array(items.length);
	const failures = new Map<number, unknown>();
	let next = 0;

	const worker = async () => {
		while (next < items.length && failures.size === 0) {
			const itemIndex = next++;
			try {
				results[itemIndex] = toItems(await operation.execute.call(this, itemIndex), itemIndex);
			} catch (error) {
				if (this.continueOnFail()) {
					const message = error instanceof Error ? error.message : String(error);
					const json: IDataObject = { error: message };
					const description = (error as { description?: unknown }).description;
					if (typeof description === 'string' && description) json.errorDescription = description;
					results[itemIndex] = [{ json, pairedItem: { item: itemIndex } }];
				} else {
					failures.set(itemIndex, error);
				}
			}
		}
	};

	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));

	if (failures.size > 0) {
		const first = Math.min(...failures.keys());
		const error = failures.get(first);
		if (error instanceof NodeOperationError || error instanceof NodeApiError) throw error;
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: first });
	}
	return [results.flat()];
}
