import type { LinqResource } from '../../../shared/operation';
import { replaceContact, updateContact } from './change.operation';
import { createContact } from './create.operation';
import { deleteContact } from './delete.operation';
import { findContact } from './find.operation';
import { getContact } from './get.operation';
import { getManyContacts } from './getMany.operation';

export const contact: LinqResource = {
	value: 'contact',
	name: 'Contact',
	description: "Your organization's address book",
	operations: [
		createContact,
		getContact,
		getManyContacts,
		findContact,
		updateContact,
		replaceContact,
		deleteContact,
	],
	defaultOperation: 'create',
};
