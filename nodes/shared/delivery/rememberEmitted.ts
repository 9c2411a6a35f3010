import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checkAndRemember } from './dedupe';
import { withSharedDedupeState } from './liveDedupe';
import { eventKeys, type LinqEvent } from './parseEvent';
import { registrationIds } from './registrations';

/**
 * Runs as the trigger's step inside the execution its webhook started, and writes the shared
 * dedupe state (liveDedupe.ts), with the emitted events in it, to static data there.
 *
 * Why here and not only in webhook(): n8n 2.x saves what webhook() writes to static data only
 * when the call starts no execution. When it does, WorkflowRunner.run builds a second Workflow
 * over the same static data object before the webhook's save, which clears its "changed" flag,
 * so the write is dropped (seen in n8n 2.41.1: a resent event ran twice). Static data written
 * during the execution is saved when the execution ends, so the state is written here as well;
 * in a process that never saw the webhook call (a queue-mode worker) the events are recorded
 * here. Items pass through unchanged.
 */
export function rememberEmitted(this: IExecuteFunctions): INodeExecutionData[][] {
	const items = this.getInputData();
	const staticData = this.getWorkflowStaticData('node');
	const registration = registrationIds(staticData, this.getMode() === 'manual');
	const nowSeconds = Math.floor(Date.now() / 1000);
	withSharedDedupeState(this, registration, staticData, nowSeconds, (state) => {
		for (const item of items) {
			const webhookId = typeof item.json.webhook_id === 'string' ? item.json.webhook_id : undefined;
			checkAndRemember(state, eventKeys(item.json as LinqEvent, webhookId), nowSeconds);
		}
	});
	return [items.map((item, index) => ({ ...item, pairedItem: { item: index } }))];
}
