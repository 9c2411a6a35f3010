import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { optionsField } from '../../../shared/fields';
import { partIndexOption, readPartIndexOption } from '../common/partIndex';
import { textValue } from '../../../shared/textValue';
import type { LinqOperation } from '../../../shared/operation';
import { messageIdField, messagePath, readMessageId } from './fields';

/** One user-perceived character that is an emoji (flags, skin tones and families included). */
function isOneEmoji(value: string): boolean {
	if (value.length === 0 || value.length > 64) return false;
	const characters = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(value)];
	return (
		characters.length === 1 &&
		/\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u.test(value)
	);
}

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
		const node = this.getNode();
		if (type === 'custom') {
			const emoji = textValue(
				node,
				this.getNodeParameter('customEmoji', itemIndex, ''),
				'Custom Emoji',
				itemIndex,
			).trim();
			if (!isOneEmoji(emoji)) {
				throw new NodeOperationError(
					node,
					emoji
						? `Custom Emoji "${emoji.slice(0, 20)}" is not exactly one emoji`
						: 'Custom Emoji is empty',
					{ itemIndex, description: 'Give one emoji, like 👍 or 🎉.' },
				);
			}
			body.custom_emoji = emoji;
		}
		const part = readPartIndexOption(this, itemIndex);
		if (part !== undefined) body.part_index = part;
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
