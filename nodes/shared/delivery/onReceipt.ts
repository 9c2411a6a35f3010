import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isLinqId } from '../linqId';
import { linqRequest } from '../transport';

export type ReceiptAction = 'mark_as_read' | 'start_typing';

export interface ReceiptOptions {
	markAsRead: boolean;
	showTyping: boolean;
}

export interface OnReceiptError extends IDataObject {
	action: ReceiptAction;
	error: string;
}

/** A read receipt or a typing indicator is useless after this long: the event goes on without. */
const RECEIPT_TIMEOUT_MS = 15_000;

export function readReceiptOptions(this: IExecuteFunctions): ReceiptOptions {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		markAsRead: options.markAsReadOnReceipt === true,
		showTyping: options.showTypingOnReceipt === true,
	};
}

/**
 * The calls an emitted item gets: only a message someone else sent, in a chat the event names.
 * Typing is skipped in group chats, where Linq refuses it with 403; a chat not known to be a
 * group (the older payload version does not say) is tried, and a refusal is noted.
 */
export function receiptActions(event: IDataObject, options: ReceiptOptions): ReceiptAction[] {
	if (event.event_type !== 'message.received' || event.direction !== 'inbound') return [];
	if (!isLinqId(event.chat_id)) return [];
	const actions: ReceiptAction[] = [];
	if (options.markAsRead) actions.push('mark_as_read');
	if (options.showTyping && event.is_group !== true) actions.push('start_typing');
	return actions;
}

const PATHS: Record<ReceiptAction, string> = {
	mark_as_read: '/read',
	start_typing: '/typing',
};

/**
 * Marks the chat read and starts typing for each emitted item, both at once, and notes a
 * failure on the item as `on_receipt_errors` instead of failing: the event must never be lost
 * for a receipt. Runs in the trigger's step of the execution (docs/design.md, "On receipt"), so
 * Linq has had its answer already and only items webhook() emitted arrive here.
 */
export async function actOnReceipt(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const options = readReceiptOptions.call(this);
	if (!options.markAsRead && !options.showTyping) return items;
	const out: INodeExecutionData[] = [];
	for (const [itemIndex, item] of items.entries()) {
		const actions = receiptActions(item.json, options);
		const chatPath = `/v3/chats/${encodeURIComponent(String(item.json.chat_id))}`;
		const results = await Promise.all(
			actions.map(async (action): Promise<OnReceiptError | undefined> => {
				try {
					await linqRequest.call(this, {
						method: 'POST',
						path: `${chatPath}${PATHS[action]}`,
						itemIndex,
						idempotent: true,
						timeoutMs: RECEIPT_TIMEOUT_MS,
					});
					return undefined;
				} catch (error) {
					return { action, error: error instanceof Error ? error.message : String(error) };
				}
			}),
		);
		const errors = results.filter((result): result is OnReceiptError => result !== undefined);
		out.push(
			errors.length > 0 ? { ...item, json: { ...item.json, on_receipt_errors: errors } } : item,
		);
	}
	return out;
}
