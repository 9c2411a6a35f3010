import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { bodyOrSuccess } from '../../../shared/successResult';
import { linqV2Request } from '../../../shared/v2/api';
import { chatIdField, messageIdField } from '../fields';
import { messagePath } from './messagePath';

export const deleteMessage: LinqOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: 'Delete a message from the chat in Linq',
	properties: [chatIdField, messageIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const path = messagePath(this, itemIndex, true);
		const answer = await linqV2Request.call(this, { method: 'DELETE', path, itemIndex });
		return bodyOrSuccess(answer, { deleted: true, message_id: Number(path.split('/').pop()) });
	},
};
