import type { LinqResource } from '../../../shared/operation';
import { createContactCard } from './create.operation';
import { getContactCard } from './get.operation';
import { updateContactCard } from './update.operation';

export const contactCard: LinqResource = {
	value: 'contactCard',
	name: 'Contact Card',
	description: 'The name and photo iMessage recipients see for your lines',
	operations: [createContactCard, getContactCard, updateContactCard],
	defaultOperation: 'get',
};
