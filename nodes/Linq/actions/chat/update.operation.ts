import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireChanges } from '../../../shared/requireChanges';
import { linqApiRequest } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import { textValue } from '../../../shared/textValue';
import type { LinqOperation } from '../../../shared/operation';

export const updateChat: LinqOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a chat',
	description:
		'Rename a group chat or change its icon. The outcome arrives later as a chat.group_name_updated or chat.group_icon_updated event.',
	properties: [
		chatLocatorField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Display Name',
					name: 'displayName',
					type: 'string',
					default: '',
					description: 'The new name of the group chat',
				},
				{
					displayName: 'Group Icon URL',
					name: 'groupChatIcon',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/icon.png',
					description: 'Public URL of an image to use as the group chat icon',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = readChatId(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		const node = this.getNode();
		const displayName = textValue(node, fields.displayName, 'Display Name', itemIndex).trim();
		const icon = textValue(node, fields.groupChatIcon, 'Group Icon URL', itemIndex).trim();
		if (displayName) body.display_name = displayName;
		if (icon) body.group_chat_icon = icon;
		return await linqApiRequest.call(this, {
			method: 'PUT',
			path: chatPath(chatId),
			body: requireChanges(node, body, ['Display Name', 'Group Icon URL'], itemIndex),
			itemIndex,
		});
	},
};
