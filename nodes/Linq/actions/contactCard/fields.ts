import type { INodeProperties } from 'n8n-workflow';

export function lineField(description: string): INodeProperties {
	return {
		displayName: 'Phone Number Name or ID',
		name: 'phoneNumber',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
		required: true,
		default: '',
		description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
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
