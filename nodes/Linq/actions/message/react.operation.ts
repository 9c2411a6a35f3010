import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { optionsField, partIndexOption } from '../common/optionsField';
import type { LinqOperation } from '../types';
import { messageIdField } from './fields';
import { messagePath, readMessageId } from './messagePath';

export const reactToMessage: LinqOperation = {
	value: 'react',
	name: 'React',
	action: 'React to a message',
	description: 'Add or remove a tapback (love, like, laugh...) or a custom emoji on a message',
	properties: [
		messageIdField,
		{
			displayName: 'Action',
			name: 'reactionOperation',
			type: 'options',
			options: [
				{ name: 'Add', value: 'add' },
				{ name: 'Remove', value: 'remove' },
			],
			default: 'add',
		},
		{
			displayName: 'Reaction',
			name: 'reactionType',
			type: 'options',
			options: [
				{ name: 'Custom Emoji', value: 'custom' },
				{ name: 'Dislike', value: 'dislike' },
				{ name: 'Emphasize', value: 'emphasize' },
				{ name: 'Laugh', value: 'laugh' },
				{ name: 'Like', value: 'like' },
				{ name: 'Love', value: 'love' },
				{ name: 'Question', value: 'question' },
			],
			default: 'love',
		},
		{
			displayName: 'Custom Emoji',
			name: 'customEmoji',
			type: 'string',
			required: true,
			default: '',
			description: 'The emoji to react with, a single character',
			displayOptions: { show: { reactionType: ['custom'] } },
		},
		optionsField([partIndexOption('react to')]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const messageId = readMessageId(this, itemIndex);
		const type = this.getNodeParameter('reactionType', itemIndex) as string;
		const body: IDataObject = {
			operation: this.getNodeParameter('reactionOperation', itemIndex, 'add') as string,
			type,
		};
		if (type === 'custom') {
			const emoji = String(this.getNodeParameter('customEmoji', itemIndex, '') ?? '').trim();
			if (!emoji) {
				throw new NodeOperationError(this.getNode(), 'Custom Emoji is empty', { itemIndex });
			}
			body.custom_emoji = emoji;
		}
		const partIndex = this.getNodeParameter('options.partIndex', itemIndex, '') as number | '';
		if (partIndex !== '') body.part_index = partIndex;
		return await linqApiRequest.call(this, {
			method: 'POST',
			path: messagePath(messageId, '/reactions'),
			body,
			itemIndex,
			// A reaction is a state, not an event: adding the same one twice changes nothing.
			idempotent: true,
		});
	},
};
