import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checkAndRemember, readDedupeState } from './dedupe';
import { eventKeys, type LinqEvent } from './parseEvent';

/**
 * Runs as the trigger's step inside the execution its webhook started, and remembers the
 * emitted events for deduplication there.
 *
 * Why here and not only in webhook(): n8n 2.x saves what webhook() writes to static data only
 * when the call starts no execution. When it does, WorkflowRunner.run builds a second Workflow
 * over the same static data object before the webhook's save, which clears its "changed" flag,
 * so the write is dropped (seen in n8n 2.41.1: a resent event ran twice). Static data written
 * during the execution is saved when the execution ends, so the record is made here as well.
 * Items pass through unchanged.
 */
export function rememberEmitted(this: IExecuteFunctions): INodeExecutionData[][] {
	const items = this.getInputData();
	const staticData = this.getWorkflowStaticData('node');
	const dedupe = readDedupeState(staticData.dedupe);
	const nowSeconds = Math.floor(Date.now() / 1000);
	for (const item of items) {
		const webhookId = typeof item.json.webhook_id === 'string' ? item.json.webhook_id : undefined;
		checkAndRemember(dedupe, eventKeys(item.json as LinqEvent, webhookId), nowSeconds);
	}
	staticData.dedupe = dedupe;
	return [items.map((item, index) => ({ ...item, pairedItem: { item: index } }))];
}
