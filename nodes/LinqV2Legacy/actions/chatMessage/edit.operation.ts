import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requiredTextField } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';
import { requireText } from '../../../shared/requireText';
import { textTooLong } from '../../../shared/textValue';
import { linqV2Request } from '../../../shared/v2/api';
import { chatIdField, messageIdField } from '../fields';
import { messagePath } from './messagePath';

export const editMessage: LinqOperation = {
	value: 'edit',
	name: 'Edit',
	action: 'Edit a message',
	description: 'Change the text of a message you sent',
	properties: [
		chatIdField,
		messageIdField,
		requiredTextField('The new text, up to 10,000 characters'),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const path = messagePath(this, itemIndex, true);
		const text = requireText(
			this.getNode(),
			this.getNodeParameter('text', itemIndex),
			'Text',
			itemIndex,
		);
		const tooLong = textTooLong(text, 'Text');
		if (tooLong) throw new NodeOperationError(this.getNode(), tooLong, { itemIndex });
		const answer = await linqV2Request.call(this, {
			method: 'POST',
			path: `${path}/edit`,
			body: { text },
			// Setting the same text twice changes nothing.
			idempotent: true,
			itemIndex,
		});
		return (answer.data as IDataObject | undefined) ?? answer;
	},
};
