import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { changeParticipant } from './changeParticipant';
import { groupChatField, handleField } from './fields';

export const removeParticipant: LinqOperation = {
	value: 'remove',
	name: 'Remove',
	action: 'Remove a participant from a group chat',
	description:
		'Remove a person from a group chat. The group must still have at least 3 participants afterwards.',
	properties: [groupChatField, handleField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await changeParticipant.call(this, itemIndex, 'DELETE');
	},
};
