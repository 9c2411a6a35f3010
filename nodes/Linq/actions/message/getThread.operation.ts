import type { IExecuteFunctions } from 'n8n-workflow';

import { optionsField, returnAllFields, sortOrderOption } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';
import { cursorOption, listPaged } from '../common/paging';
import { messageIdField, messagePath, readMessageId } from './fields';

export const getMessageThread: LinqOperation = {
	value: 'getThread',
	name: 'Get Thread',
	action: 'Get the thread of a message',
	description:
		'Get the message a thread started from and all replies to it, given any message of the thread',
	properties: [
		messageIdField,
		...returnAllFields,
		optionsField([cursorOption, sortOrderOption('Order', 'order')]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const order = this.getNodeParameter('options.order', itemIndex, '') as string;
		return await listPaged.call(
			this,
			{
				method: 'GET',
				path: messagePath(readMessageId(this, itemIndex), '/thread'),
				qs: { order },
				itemIndex,
			},
			'messages',
		);
	},
};
