import type { LinqResource } from '../../../shared/operation';
import { checkIMessage } from './check.operation';

export const iMessage: LinqResource = {
	value: 'iMessage',
	name: 'iMessage Availability',
	description: 'Whether a number can get iMessage',
	operations: [checkIMessage],
	defaultOperation: 'check',
};
