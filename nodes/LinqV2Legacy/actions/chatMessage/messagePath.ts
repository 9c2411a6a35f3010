import type { IExecuteFunctions } from 'n8n-workflow';

import { requireV2Id } from '../../../shared/v2/api';

/** `/chats/{chatId}/chat_messages`, with `/{messageId}` when the operation names a message. */
export function messagePath(
	ctx: IExecuteFunctions,
	itemIndex: number,
	withMessage: boolean,
): string {
	const node = ctx.getNode();
	const chatId = requireV2Id(node, ctx.getNodeParameter('chatId', itemIndex), 'Chat ID', itemIndex);
	const base = `/chats/${chatId}/chat_messages`;
	if (!withMessage) return base;
	const messageId = requireV2Id(
		node,
		ctx.getNodeParameter('messageId', itemIndex),
		'Message ID',
		itemIndex,
	);
	return `${base}/${messageId}`;
}
