import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequestAllItems } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import { returnAllFields } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';

export const getManyMessages: LinqOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many messages in a chat',
	description: 'List the messages of a chat, newest first',
	properties: [chatLocatorField, ...returnAllFields],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await linqApiRequestAllItems.call(
			this,
			{ method: 'GET', path: chatPath(readChatId(this, itemIndex), '/messages'), itemIndex },
			{
				property: 'messages',
				returnAll: this.getNodeParameter('returnAll', itemIndex, false) as boolean,
				limit: this.getNodeParameter('limit', itemIndex, 50) as number,
			},
		);
	},
};
