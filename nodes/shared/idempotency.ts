import { createHash, randomUUID } from 'node:crypto';
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

export interface IdempotencySource {
	executionId?: string;
	nodeId: string;
	runIndex: number;
	itemIndex: number;
	/** Set when one item makes more than one send, such as one message per recipient. */
	part?: string;
}

/**
 * A key that is the same every time n8n runs this node for this item in this execution
 * (our retries, and n8n's "Retry On Fail"), and different for every other item or run.
 * Without an execution id (a partial manual run) there is nothing stable to derive from,
 * so the key is random: our own retries still reuse it.
 */
export function deriveIdempotencyKey(source: IdempotencySource): string {
	if (!source.executionId) return `n8n-${randomUUID()}`;
	const seed = [
		source.executionId,
		source.nodeId,
		source.runIndex,
		source.itemIndex,
		source.part ?? '',
	]
		.map(String)
		.join('\u0000');
	return `n8n-${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;
}

const MAX_IDEMPOTENCY_KEY = 255;

const runIndexes = new WeakMap<IExecuteFunctions, number>();

/**
 * n8n's public context has no getRunIndex(); the data proxy carries the value. It is the same
 * for every item of one node run, and a proxy is costly to build, so it is read once per run.
 */
function runIndexOf(ctx: IExecuteFunctions, itemIndex: number): number {
	let runIndex = runIndexes.get(ctx);
	if (runIndex === undefined) {
		runIndex = Number(ctx.getWorkflowDataProxy(itemIndex).$runIndex ?? 0);
		runIndexes.set(ctx, runIndex);
	}
	return runIndex;
}

/** The key Linq dedupes a send on: the user's, or one stable across retries of this item. */
export function itemIdempotencyKey(
	ctx: IExecuteFunctions,
	itemIndex: number,
	given: string,
): string {
	const key = given.trim();
	// Only visible ASCII: an HTTP client drops or rewrites anything else in the header, and two
	// different keys would become one (a message silently not sent).
	if (!/^[\x21-\x7e]*$/.test(key)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Idempotency Key may only hold visible ASCII characters (no spaces, line breaks or emoji)',
			{ itemIndex, description: 'Use letters, digits and signs such as - _ : . like order-42.' },
		);
	}
	if (key.length > MAX_IDEMPOTENCY_KEY) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Idempotency Key is ${key.length} characters long; Linq accepts up to ${MAX_IDEMPOTENCY_KEY}`,
			{ itemIndex },
		);
	}
	return (
		key ||
		deriveIdempotencyKey({
			executionId: ctx.getExecutionId(),
			nodeId: ctx.getNode().id,
			runIndex: runIndexOf(ctx, itemIndex),
			itemIndex,
		})
	);
}
