import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { optionsField, requiredTextField } from '../../../shared/fields';
import { partIndexOption, readPartIndexOption } from '../common/partIndex';
import { textTooLong, textValue } from '../../../shared/textValue';
import type { LinqOperation } from '../../../shared/operation';
import { messageIdField, messagePath, readMessageId } from './fields';

export const editMessage: LinqOperation = {
	value: 'edit',
	name: 'Edit',
	action: 'Edit a message',
	description:
		'Replace the text of a sent message part. iMessage allows up to 5 edits within 15 minutes of sending.',
	properties: [
		messageIdField,
		requiredTextField('The new text, up to 10,000 characters'),
		optionsField([partIndexOption('edit')]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const messageId = readMessageId(this, itemIndex);
		const node = this.getNode();
		const text = textValue(node, this.getNodeParameter('text', itemIndex, ''), 'Text', itemIndex);
		const problem = text.trim()
			? textTooLong(text, 'Text')
			: 'Text is empty: give the new text of the message';
		if (problem) throw new NodeOperationError(node, problem, { itemIndex });
		const body: IDataObject = { text };
		const part = readPartIndexOption(this, itemIndex);
		if (part !== undefined) body.part_index = part;
		return await linqApiRequest.call(this, {
			method: 'PATCH',
			path: messagePath(messageId),
			body,
			itemIndex,
		});
	},
};
