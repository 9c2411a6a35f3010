import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { fromField, readFrom } from '../common/fromField';
import { messageBodyFields, messageOptionsField } from '../common/messageContentFields';
import { messageWithUploads, prepareMessage, withSmsAnalysis } from '../common/prepareMessage';
import { readRecipients, recipientsField } from '../common/recipients';
import type { LinqOperation } from '../../../shared/operation';

export const createChat: LinqOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a chat',
	description:
		'Start a direct or group chat from one of your numbers with a first message. The first message may not contain a link.',
	concurrent: true,
	properties: [
		fromField('The Linq number to send from', true),
		recipientsField,
		...messageBodyFields,
		messageOptionsField({ replyTo: false }),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const to = readRecipients(this, itemIndex);
		const prepared = await prepareMessage.call(this, itemIndex, { firstMessageOfNewChat: true });
		// Best Line asks Linq, so it comes after every check that needs no request.
		const from = await readFrom(this, this.getNodeParameter('from', itemIndex, ''), to, itemIndex);
		prepared.pair = `from:${from} to:${[...to].sort()}`;
		const message = await messageWithUploads.call(this, itemIndex, prepared);
		const answer = await linqApiRequest.call(this, {
			method: 'POST',
			path: '/v3/chats',
			body: { from, to, message },
			itemIndex,
		});
		return withSmsAnalysis(answer, prepared);
	},
};
