import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import type { LinqOperation } from '../../../shared/operation';

export const getChat: LinqOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a chat',
	description: 'Get a chat with its participants, service and health status',
	properties: [chatLocatorField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await linqApiRequest.call(this, {
			method: 'GET',
			path: chatPath(readChatId(this, itemIndex)),
			itemIndex,
		});
	},
};
