import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import { bodyOrSuccess } from '../../../shared/successResult';
import type { LinqOperation } from '../../../shared/operation';

export const shareContactCard: LinqOperation = {
	value: 'shareContactCard',
	name: 'Share Contact Card',
	action: 'Share your contact card in a chat',
	description:
		'Share your name and photo (the contact card set up in Linq) with the participants of a chat',
	properties: [chatLocatorField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = readChatId(this, itemIndex);
		const body = await linqApiRequest.call(this, {
			method: 'POST',
			path: chatPath(chatId, '/share_contact_card'),
			itemIndex,
		});
		return bodyOrSuccess(body, { chat_id: chatId });
	},
};
