import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from '../common/requireId';

export const phoneNumberIdField: INodeProperties = {
	displayName: 'Phone Number Name or ID',
	name: 'phoneNumberId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPhoneNumberIds' },
	required: true,
	default: '',
	description:
		'The line to change. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export function readPhoneNumberId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('phoneNumberId', itemIndex);
	return requireId(ctx.getNode(), value, 'Phone Number', itemIndex);
}

export function phoneNumberPath(id: string): string {
	return `/v3/phone_numbers/${encodeURIComponent(id)}`;
}
