import type { LinqResource } from '../../../shared/operation';
import { getBestLine } from './getBestLine.operation';
import { getManyPhoneNumbers } from './getMany.operation';
import { updatePhoneNumber } from './update.operation';

export const phoneNumber: LinqResource = {
	value: 'phoneNumber',
	name: 'Phone Number',
	operations: [getManyPhoneNumbers, getBestLine, updatePhoneNumber],
	defaultOperation: 'getMany',
};
