import type { IExecuteFunctions } from 'n8n-workflow';

import { requireId } from '../common/requireId';

/** The Subscription ID field, refused when empty: the bare path would list every subscription. */
export function readSubscriptionId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('subscriptionId', itemIndex);
	return requireId(ctx.getNode(), value, 'Subscription ID', itemIndex);
}

export function subscriptionPath(id: string): string {
	return `/v3/webhook-subscriptions/${encodeURIComponent(id)}`;
}
