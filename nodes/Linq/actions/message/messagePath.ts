import type { IExecuteFunctions } from 'n8n-workflow';

import { requireId } from '../common/requireId';

export function readMessageId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireId(
		ctx.getNode(),
		ctx.getNodeParameter('messageId', itemIndex, ''),
		'Message ID',
		itemIndex,
	);
}

/** The API path of a message, or of something below it. */
export function messagePath(messageId: string, below = ''): string {
	return `/v3/messages/${encodeURIComponent(messageId)}${below}`;
}
