import type { LinqResource } from '../../../shared/operation';
import { getManyPhoneNumbers } from './getMany.operation';
import { updatePhoneNumber } from './update.operation';

export const phoneNumber: LinqResource = {
	value: 'phoneNumber',
	name: 'Phone Number',
	description: 'Your Linq numbers and their call forwarding',
	operations: [getManyPhoneNumbers, updatePhoneNumber],
	defaultOperation: 'getMany',
};
