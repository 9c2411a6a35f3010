import type { INodeProperties } from 'n8n-workflow';

/**
 * One of the account's lines, picked from the list. The value is the line's E.164 number,
 * which is how the API names a line everywhere but Phone Number > Update.
 */
export function lineField(
	field: Pick<INodeProperties, 'displayName' | 'name'>,
	purpose: string,
	required = false,
): INodeProperties {
	return {
		...field,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
		required,
		default: '',
		description: `${purpose}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}
