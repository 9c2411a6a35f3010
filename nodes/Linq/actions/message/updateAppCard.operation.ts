import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { optionsField } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';
import { linqApiRequest } from '../../../shared/transport';
import {
	appCardBehaviourFields,
	appCardLayoutFields,
	readAppCardBehaviour,
	readAppCardLayout,
} from '../common/appCard';
import { messageIdField, messagePath, readMessageId } from './fields';

export const updateAppCard: LinqOperation = {
	value: 'updateAppCard',
	name: 'Update App Card',
	action: 'Update an iMessage app card',
	description:
		"Redraw an app card you sent, in place on the recipient's screen. It goes out as a new message: update it next time by that message's ID. The card must be delivered first.",
	properties: [
		{
			...messageIdField,
			description:
				'The app card to redraw: the ID of the message that sent it, or of its latest update',
		},
		{
			displayName: 'Layout',
			name: 'layout',
			type: 'collection',
			placeholder: 'Add Layout Field',
			default: {},
			description:
				'What the card shows now. Give at least a Caption, Subcaption, Trailing Caption, Trailing Subcaption or Image URL.',
			options: appCardLayoutFields,
		},
		optionsField(appCardBehaviourFields),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const node = this.getNode();
		const id = readMessageId(this, itemIndex);
		const layout = this.getNodeParameter('layout', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return await linqApiRequest.call(this, {
			method: 'POST',
			path: messagePath(id, '/update'),
			body: {
				layout: readAppCardLayout(node, layout, itemIndex),
				...readAppCardBehaviour(node, options, itemIndex),
			},
			itemIndex,
		});
	},
};
