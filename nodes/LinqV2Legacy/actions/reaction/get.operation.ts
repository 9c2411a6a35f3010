import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { idField, readId } from '../fields';

const reactionIdField = idField(
	'reactionId',
	'Reaction ID',
	'The ID of the reaction, a whole number',
);

export const getReaction: LinqOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a reaction',
	description: 'Get a reaction by its ID, as reaction events name it',
	properties: [reactionIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const reactionId = readId(this, itemIndex, reactionIdField);
		const answer = await linqV2Request.call(this, {
			method: 'GET',
			path: `/chat_message_reactions/${reactionId}`,
			itemIndex,
		});
		return (answer.data as IDataObject | undefined) ?? answer;
	},
};
