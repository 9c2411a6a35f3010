import type { IExecuteFunctions } from 'n8n-workflow';

import { idField, readId } from '../fields';

export const contactIdField = idField(
	'contactId',
	'Contact ID',
	'The ID of the contact, a whole number',
);

export function contactPath(ctx: IExecuteFunctions, itemIndex: number): string {
	return `/contacts/${readId(ctx, itemIndex, contactIdField)}`;
}
