import type { LinqResource } from '../../../shared/operation';
import { addReaction, removeReaction } from './react.operation';
import { getReaction } from './get.operation';

export const reaction: LinqResource = {
	value: 'reaction',
	name: 'Reaction',
	description: 'React to messages',
	operations: [addReaction, removeReaction, getReaction],
	defaultOperation: 'add',
};
