import type { IExecuteFunctions } from 'n8n-workflow';

import { requireText } from '../common/requireText';

/** The Subscription ID field, refused when empty: the bare path would list every subscription. */
export function readSubscriptionId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('subscriptionId', itemIndex);
	return requireText(ctx.getNode(), value, 'Subscription ID', itemIndex);
}

export function subscriptionPath(id: string): string {
	return `/v3/webhook-subscriptions/${encodeURIComponent(id)}`;
}
