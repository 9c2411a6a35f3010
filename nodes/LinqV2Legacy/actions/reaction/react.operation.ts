import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { messageIdField, readId } from '../fields';

const REACTIONS = ['love', 'like', 'dislike', 'laugh', 'emphasize', 'question'];

const reactionField: INodeProperties = {
	displayName: 'Reaction',
	name: 'reaction',
	type: 'options',
	options: REACTIONS.map((value) => ({
		name: value.charAt(0).toUpperCase() + value.slice(1),
		value,
	})),
	default: 'love',
};

/** Add and Remove are one V2 endpoint, told apart by `operation`. */
function reactOperation(operation: 'add' | 'remove'): LinqOperation {
	const verb = operation === 'add' ? 'Add' : 'Remove';
	return {
		value: operation,
		name: verb,
		action: `${verb} a reaction`,
		description: `${verb} a love, like, dislike, laugh, emphasize or question reaction ${operation === 'add' ? 'to' : 'from'} a message`,
		properties: [messageIdField, reactionField],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const messageId = readId(this, itemIndex, messageIdField);
			const type = this.getNodeParameter('reaction', itemIndex) as string;
			const answer = await linqV2Request.call(this, {
				method: 'POST',
				path: `/chat_messages/${messageId}/reactions`,
				body: { type, operation },
				// Adding or removing the same reaction twice leaves one state.
				idempotent: true,
				itemIndex,
			});
			return (answer.data as IDataObject | undefined) ?? answer;
		},
	};
}

export const addReaction = reactOperation('add');

export const removeReaction = reactOperation('remove');
