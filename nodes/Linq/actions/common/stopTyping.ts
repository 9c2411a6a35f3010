import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { linqApiRequest, linqApiRequestAllItems } from '../../../shared/transport';
import { textValue } from '../../../shared/textValue';
import { chatPath } from './chatLocator';

export const stopTypingOption: INodeProperties = {
	displayName: 'Stop Typing',
	name: 'stopTyping',
	type: 'boolean',
	default: false,
	description:
		'Whether to hide the typing indicator instead of failing when Text, Media and Link are all empty: for a workflow that decides not to answer. A message that is sent ends the indicator anyway.',
};

/** Direct chats looked at when the send names a recipient instead of a chat. */
const MAX_CHATS_LOOKED_AT = 20;

function nothingToSend(ctx: IExecuteFunctions, itemIndex: number): boolean {
	const node = ctx.getNode();
	const text = textValue(node, ctx.getNodeParameter('text', itemIndex, ''), 'Text', itemIndex);
	const link = textValue(node, ctx.getNodeParameter('link', itemIndex, ''), 'Link', itemIndex);
	const media = ctx.getNodeParameter('media.mediaValues', itemIndex, []) as unknown[];
	return text.trim() === '' && link.trim() === '' && media.length === 0;
}

/** The direct chats with one recipient: Send names people, and typing exists only there. */
async function directChatsWith(
	ctx: IExecuteFunctions,
	itemIndex: number,
	to: string[],
): Promise<string[]> {
	if (to.length !== 1) return [];
	const chats = await linqApiRequestAllItems.call(
		ctx,
		{ method: 'GET', path: '/v3/chats', qs: { to: to[0] }, itemIndex },
		{ property: 'chats', returnAll: false, limit: MAX_CHATS_LOOKED_AT },
	);
	return chats
		.filter((chat) => chat.is_group === false && typeof chat.id === 'string')
		.map((chat) => chat.id as string);
}

/**
 * With Stop Typing on and nothing to send, stops the typing indicator in the chat (Send in
 * Chat) or in the direct chats with the one recipient (Send) and returns what to output;
 * otherwise returns undefined and the send goes ahead as usual.
 */
export async function stopTypingInstead(
	this: IExecuteFunctions,
	itemIndex: number,
	target: { chatId: string } | { to: string[] },
): Promise<IDataObject | undefined> {
	if (this.getNodeParameter('options.stopTyping', itemIndex, false) !== true) return undefined;
	if (!nothingToSend(this, itemIndex)) return undefined;
	const chatIds =
		'chatId' in target ? [target.chatId] : await directChatsWith(this, itemIndex, target.to);
	for (const chatId of chatIds) {
		await linqApiRequest.call(this, {
			method: 'DELETE',
			path: chatPath(chatId, '/typing'),
			itemIndex,
		});
	}
	return { sent: false, typing_stopped: chatIds.length > 0, chat_ids: chatIds };
}
