import type { IExecuteFunctions } from 'n8n-workflow';

import { requireText } from '../common/requireText';

export function readMessageId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(
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
