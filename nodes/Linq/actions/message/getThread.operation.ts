import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequestAllItems } from '../../../shared/transport';
import { returnAllFields } from '../../../shared/fields';
import { optionsField } from '../common/optionsField';
import type { LinqOperation } from '../../../shared/operation';
import { messageIdField } from './fields';
import { messagePath, readMessageId } from './messagePath';

export const getMessageThread: LinqOperation = {
	value: 'getThread',
	name: 'Get Thread',
	action: 'Get the thread of a message',
	description:
		'Get the message a thread started from and all replies to it, given any message of the thread',
	properties: [
		messageIdField,
		...returnAllFields,
		optionsField([
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Oldest First', value: 'asc' },
					{ name: 'Newest First', value: 'desc' },
				],
				default: 'asc',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const order = this.getNodeParameter('options.order', itemIndex, '') as string;
		return await linqApiRequestAllItems.call(
			this,
			{
				method: 'GET',
				path: messagePath(readMessageId(this, itemIndex), '/thread'),
				qs: { order },
				itemIndex,
			},
			{
				property: 'messages',
				returnAll: this.getNodeParameter('returnAll', itemIndex, false) as boolean,
				limit: this.getNodeParameter('limit', itemIndex, 50) as number,
			},
		);
	},
};
