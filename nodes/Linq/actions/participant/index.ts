import type { LinqResource } from '../../../shared/operation';
import { addParticipant } from './add.operation';
import { removeParticipant } from './remove.operation';

export const participant: LinqResource = {
	value: 'participant',
	name: 'Participant',
	description: 'People in a group chat',
	operations: [addParticipant, removeParticipant],
	defaultOperation: 'add',
};
