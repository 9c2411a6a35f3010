import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { lineField } from '../common/lineField';

export function cardLineField(purpose: string): INodeProperties {
	return lineField({ displayName: 'Phone Number Name or ID', name: 'phoneNumber' }, purpose, true);
}

export const firstNameField: INodeProperties = {
	displayName: 'First Name',
	name: 'firstName',
	type: 'string',
	default: '',
	description: 'First name (or business name) shown to recipients',
};

export const lastNameField: INodeProperties = {
	displayName: 'Last Name',
	name: 'lastName',
	type: 'string',
	default: '',
	description: 'Last name shown to recipients',
};

export const imageUrlField: INodeProperties = {
	displayName: 'Image URL',
	name: 'imageUrl',
	type: 'string',
	default: '',
	placeholder: 'https://example.com/logo.jpg',
	description: 'Public URL of the profile photo shown to recipients',
};

/** The node's card fields as the API names them, leaving out the ones not given. */
export function cardBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const names: Array<[string, string]> = [
		['firstName', 'first_name'],
		['lastName', 'last_name'],
		['imageUrl', 'image_url'],
	];
	for (const [ours, theirs] of names) {
		const value = fields[ours];
		if (typeof value === 'string' && value.trim() !== '') body[theirs] = value.trim();
	}
	return body;
}
