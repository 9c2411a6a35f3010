import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { changeParticipant } from './changeParticipant';
import { groupChatField, handleField } from './fields';

export const addParticipant: LinqOperation = {
	value: 'add',
	name: 'Add',
	action: 'Add a participant to a group chat',
	description:
		'Add a person to an existing group chat. They must use the same service as the group (an SMS-only number cannot join an iMessage group).',
	properties: [groupChatField, handleField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await changeParticipant.call(this, itemIndex, 'POST');
	},
};
