import type { IExecuteFunctions } from 'n8n-workflow';

import { requireV2Id } from '../../../shared/v2/api';
import { idField } from '../fields';

export const contactIdField = idField(
	'contactId',
	'Contact ID',
	'The ID of the contact, a whole number',
);

export function contactPath(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = requireV2Id(
		ctx.getNode(),
		ctx.getNodeParameter('contactId', itemIndex),
		'Contact ID',
		itemIndex,
	);
	return `/contacts/${id}`;
}
