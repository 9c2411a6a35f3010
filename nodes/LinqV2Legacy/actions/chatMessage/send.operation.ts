import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { encodeMultipart } from '../../../shared/v2/multipart';
import { concurrencyOption, optionsField } from '../../../shared/fields';
import { chatIdField } from '../fields';
import { messageOptions, messageParts, readV2Message, textField } from '../messageInput';
import { messagePath } from './messagePath';

export const sendMessage: LinqOperation = {
	value: 'send',
	name: 'Send',
	action: 'Send a message in a chat',
	description: 'Send text, with files or file URLs, into an existing chat',
	properties: [chatIdField, textField, optionsField([...messageOptions, concurrencyOption])],
	concurrent: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const path = messagePath(this, itemIndex, false);
		const message = await readV2Message.call(this, itemIndex);
		// V2 takes this endpoint's fields as multipart form data only.
		const encoded = encodeMultipart(messageParts(message, 'message'));
		const answer = await linqV2Request.call(this, {
			method: 'POST',
			path,
			body: encoded.bytes,
			headers: { 'Content-Type': encoded.contentType },
			idempotent: true,
			itemIndex,
		});
		return (answer.data as IDataObject | undefined) ?? answer;
	},
};
