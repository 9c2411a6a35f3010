import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import type { LinqOperation } from '../../../shared/operation';

export const getLocation: LinqOperation = {
	value: 'getLocation',
	name: 'Get Location',
	action: 'Get the shared locations in a chat',
	description:
		'Get the locations participants are sharing in a chat, as GeoJSON with one feature per participant ([longitude, latitude])',
	properties: [chatLocatorField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = readChatId(this, itemIndex);
		return await linqApiRequest.call(this, {
			method: 'GET',
			path: chatPath(chatId, '/location'),
			headers: { Accept: 'application/geo+json' },
			itemIndex,
		});
	},
};
