import type { IDataObject } from 'n8n-workflow';

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
