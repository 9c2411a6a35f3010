import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { bodyOrSuccess } from '../../../shared/successResult';
import type { LinqOperation } from '../../../shared/operation';
import { messageIdField, messagePath, readMessageId } from './fields';

export const deleteMessage: LinqOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description:
		"Delete a message from Linq only. This does not unsend it: it stays on the recipients' phones.",
	properties: [messageIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const messageId = readMessageId(this, itemIndex);
		const body = await linqApiRequest.call(this, {
			method: 'DELETE',
			path: messagePath(messageId),
			itemIndex,
		});
		return bodyOrSuccess(body, { message_id: messageId });
	},
};
