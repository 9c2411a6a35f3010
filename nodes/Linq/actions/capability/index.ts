import type { LinqResource } from '../../../shared/operation';
import { checkIMessage } from './checkIMessage.operation';
import { checkRcs } from './checkRcs.operation';

export const capability: LinqResource = {
	value: 'capability',
	name: 'Capability',
	description: 'Whether a recipient can get iMessage or RCS',
	operations: [checkIMessage, checkRcs],
	defaultOperation: 'checkIMessage',
};
