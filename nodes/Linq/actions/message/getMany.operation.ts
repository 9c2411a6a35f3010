import type { IExecuteFunctions } from 'n8n-workflow';

import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import { optionsField, returnAllFields } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';
import { cursorOption, listPaged } from '../common/paging';

export const getManyMessages: LinqOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many messages in a chat',
	description: 'List the messages of a chat, newest first',
	properties: [chatLocatorField, ...returnAllFields, optionsField([cursorOption])],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await listPaged.call(
			this,
			{ method: 'GET', path: chatPath(readChatId(this, itemIndex), '/messages'), itemIndex },
			'messages',
		);
	},
};
