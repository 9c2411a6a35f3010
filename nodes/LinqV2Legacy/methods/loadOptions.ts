import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { linqV2Request } from '../../shared/v2/api';

async function listPhoneNumbers(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const body = await linqV2Request.call(ctx, { method: 'GET', path: '/phone_numbers' });
	return (body.phone_numbers as IDataObject[] | undefined) ?? [];
}

/** Your Linq numbers by number, for Send From and Phone Number fields. */
export async function getPhoneNumbers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await listPhoneNumbers(this)).map((line) => ({
		name: String(line.phone_number),
		value: String(line.phone_number),
	}));
}

/** Your Linq numbers by ID, for Phone Number → Update. */
export async function getPhoneNumberIds(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await listPhoneNumbers(this)).map((line) => ({
		name: String(line.phone_number),
		value: String(line.id),
	}));
}
