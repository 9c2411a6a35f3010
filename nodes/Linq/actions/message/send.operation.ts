import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { messageBodyFields, messageOptionsField } from '../common/messageContentFields';
import { messageWithUploads, prepareMessage, withSmsAnalysis } from '../common/prepareMessage';
import { readRecipients, recipientsField } from '../common/recipients';
import { stopTypingInstead } from '../common/stopTyping';
import type { LinqOperation } from '../../../shared/operation';

export const sendMessage: LinqOperation = {
	value: 'send',
	name: 'Send',
	action: 'Send a message',
	description:
		'Send a message to phone numbers or emails without a chat ID. Linq picks the line and reuses or creates the chat.',
	concurrent: true,
	properties: [
		recipientsField,
		...messageBodyFields,
		messageOptionsField({ replyTo: true, continuation: true, stopTyping: true }),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const to = readRecipients(this, itemIndex);
		const stopped = await stopTypingInstead.call(this, itemIndex, { to });
		if (stopped) return stopped;
		const prepared = await prepareMessage.call(this, itemIndex, { pair: `to:${[...to].sort()}` });
		const message = await messageWithUploads.call(this, itemIndex, prepared);
		const body: IDataObject = { to, message };
		const continuation = String(
			this.getNodeParameter('options.continuationText', itemIndex, '') ?? '',
		);
		if (continuation.trim()) body.continuation_message = { text: continuation };
		const answer = await linqApiRequest.call(this, {
			method: 'POST',
			path: '/v3/messages',
			body,
			headers: { 'Idempotency-Key': message.idempotency_key as string },
			itemIndex,
		});
		return withSmsAnalysis(answer, prepared);
	},
};
