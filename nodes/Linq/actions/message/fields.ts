import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from '../common/requireId';

export const messageIdField: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 69a37c7d-af4f-4b5e-af42-e28e98ce873a',
	description: 'The ID of the message, as returned by a send or a Linq Trigger event',
};

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
