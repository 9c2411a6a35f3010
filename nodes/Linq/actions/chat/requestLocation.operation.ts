import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import type { LinqOperation } from '../../../shared/operation';

export const requestLocation: LinqOperation = {
	value: 'requestLocation',
	name: 'Request Location',
	action: 'Request the location of a chat participant',
	description:
		'Ask the participant of a direct iMessage chat to share their location. Get Location reads it once they do.',
	properties: [chatLocatorField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = readChatId(this, itemIndex);
		return await linqApiRequest.call(this, {
			method: 'POST',
			path: chatPath(chatId, '/location/request'),
			itemIndex,
		});
	},
};
