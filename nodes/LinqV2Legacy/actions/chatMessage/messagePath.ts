import type { IExecuteFunctions } from 'n8n-workflow';

import { chatIdField, messageIdField, readId } from '../fields';

/** `/chats/{chatId}/chat_messages`, with `/{messageId}` when the operation names a message. */
export function messagePath(
	ctx: IExecuteFunctions,
	itemIndex: number,
	withMessage: boolean,
): string {
	const base = `/chats/${readId(ctx, itemIndex, chatIdField)}/chat_messages`;
	return withMessage ? `${base}/${readId(ctx, itemIndex, messageIdField)}` : base;
}
