import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import type { LinqOperation } from '../../../shared/operation';
import { messageIdField, messagePath, readMessageId } from './fields';

export const getMessage: LinqOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a message',
	description: 'Get a message with its parts, reactions and delivery status',
	properties: [messageIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await linqApiRequest.call(this, {
			method: 'GET',
			path: messagePath(readMessageId(this, itemIndex)),
			itemIndex,
		});
	},
};
