import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireHandles } from '../../../shared/handles';
import { concurrencyOption, optionsField } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';
import { textValue } from '../../../shared/textValue';
import { linqV2Request } from '../../../shared/v2/api';
import { encodeMultipart, type MultipartPart } from '../../../shared/v2/multipart';
import { linqNumberField } from '../fields';
import { requireV2Phone } from '../handles';
import {
	messageJson,
	messageOptions,
	messageParts,
	readV2Message,
	textField,
} from '../messageInput';

const displayNameOption: INodeProperties = {
	displayName: 'Display Name',
	name: 'displayName',
	type: 'string',
	default: '',
	description: 'A name for a new group chat',
};

export const createChat: LinqOperation = {
	value: 'create',
	name: 'Create',
	action: 'Find or create a chat and send a message',
	description:
		'Send a first message to one or more people. Linq reuses the chat with exactly these participants if there is one.',
	properties: [
		linqNumberField('sendFrom', 'Send From'),
		{
			displayName: 'To',
			name: 'to',
			type: 'string',
			required: true,
			default: '',
			placeholder: '+15551234567, +15557654321',
			description:
				'Recipients: phone numbers (E.164; US 10-digit numbers get +1) or iMessage emails, separated by commas. More than one makes a group chat.',
		},
		textField,
		optionsField([...messageOptions, concurrencyOption, displayNameOption]),
	],
	concurrent: true,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const node = this.getNode();
		const sendFrom = requireV2Phone(
			node,
			this.getNodeParameter('sendFrom', itemIndex),
			'Send From',
			itemIndex,
		);
		const to = requireHandles(node, this.getNodeParameter('to', itemIndex), 'To', itemIndex);
		const message = await readV2Message.call(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const displayName = textValue(node, options.displayName, 'Display Name', itemIndex).trim();

		let body: IDataObject | Buffer;
		const headers: Record<string, string> = {};
		if (message.files.length === 0) {
			const chat: IDataObject = { phone_numbers: to };
			if (displayName) chat.display_name = displayName;
			body = { send_from: sendFrom, chat, message: messageJson(message) };
		} else {
			// Files only travel as multipart; the JSON fields become Rails-style form fields.
			const parts: MultipartPart[] = [{ field: 'send_from', value: sendFrom }];
			for (const handle of to) parts.push({ field: 'chat[phone_numbers][]', value: handle });
			if (displayName) parts.push({ field: 'chat[display_name]', value: displayName });
			const encoded = encodeMultipart([...parts, ...messageParts(message, 'message')]);
			body = encoded.bytes;
			headers['Content-Type'] = encoded.contentType;
		}
		const answer = await linqV2Request.call(this, {
			method: 'POST',
			path: '/chats',
			body,
			headers,
			idempotent: true,
			itemIndex,
		});
		return (answer.data as IDataObject | undefined) ?? answer;
	},
};
