import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { textValue } from '../../../shared/textValue';
import { optionalEmail, optionalV2Phone } from '../handles';

const TEXT_FIELDS: Array<[string, string]> = [
	['first_name', 'First Name'],
	['last_name', 'Last Name'],
	['company', 'Company'],
	['title', 'Title'],
	['location', 'Location'],
];

/** The contact's fields, as Create and Update show them. */
const fields: INodeProperties[] = [
	...TEXT_FIELDS.map(
		([name, displayName]): INodeProperties => ({
			displayName,
			name,
			type: 'string',
			default: '',
		}),
	),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Phone Number',
		name: 'phone_number',
		type: 'string',
		default: '',
		placeholder: '+15551234567',
		description: 'E.164; US 10-digit numbers get +1',
	},
	{
		displayName: 'Owner Email',
		name: 'user_email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description:
			'The user of your organization who owns the contact. Empty: Linq assigns the first admin on create and leaves the owner as is on update.',
	},
];

const contactFields = fields.sort((a, b) => a.displayName.localeCompare(b.displayName));

/** The contact's fields as one collection, for Create ('Contact Fields') and the updates. */
export function contactFieldsCollection(displayName: string): INodeProperties {
	return {
		displayName,
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Give at least a First Name, Last Name, Email or Phone Number',
		options: contactFields,
	};
}

/** V2 refuses a contact without any of these with a 422; the node says so before sending. */
const IDENTIFYING = ['first_name', 'last_name', 'email', 'phone_number'];

/**
 * The V2 body `{contact: {...}, user_email}` from a collection of contact fields. Every value is
 * checked; empty ones are left out, so they change nothing on an update.
 */
export function contactBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
	collection: string,
): IDataObject {
	const node = ctx.getNode();
	const contact: IDataObject = {};
	for (const [name, displayName] of TEXT_FIELDS) {
		const value = textValue(node, values[name], displayName, itemIndex).trim();
		if (value !== '') contact[name] = value;
	}
	const email = optionalEmail(node, values.email, 'Email', itemIndex);
	if (email) contact.email = email;
	const phone = optionalV2Phone(node, values.phone_number, 'Phone Number', itemIndex);
	if (phone) contact.phone_number = phone;
	if (!IDENTIFYING.some((name) => name in contact)) {
		throw new NodeOperationError(
			node,
			`${collection} needs a First Name, Last Name, Email or Phone Number`,
			{ itemIndex, description: 'Linq V2 refuses a contact without at least one of them.' },
		);
	}
	const body: IDataObject = { contact };
	const owner = optionalEmail(node, values.user_email, 'Owner Email', itemIndex);
	if (owner) body.user_email = owner;
	return body;
}
