import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { chatIdField, readId } from '../fields';

export const getChat: LinqOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a chat',
	description: 'Get a chat with its participants and service',
	properties: [chatIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = readId(this, itemIndex, chatIdField);
		const answer = await linqV2Request.call(this, {
			method: 'GET',
			path: `/chats/${chatId}`,
			itemIndex,
		});
		return (answer.data as IDataObject | undefined) ?? answer;
	},
};
