import { createHash, randomUUID } from 'node:crypto';

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
