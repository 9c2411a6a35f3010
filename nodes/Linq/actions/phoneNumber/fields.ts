import type { IExecuteFunctions } from 'n8n-workflow';

import { requireId } from '../common/requireId';

export function readPhoneNumberId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('phoneNumberId', itemIndex);
	return requireId(ctx.getNode(), value, 'Phone Number', itemIndex);
}

export function phoneNumberPath(id: string): string {
	return `/v3/phone_numbers/${encodeURIComponent(id)}`;
}
