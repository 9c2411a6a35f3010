import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { linqApiRequest } from '../../shared/transport';

async function listPhoneNumbers(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const body = await linqApiRequest.call(ctx, { method: 'GET', path: '/v3/phone_numbers' });
	return (body.phone_numbers as IDataObject[] | undefined) ?? [];
}

function statusOf(line: IDataObject): string {
	const health = line.health_status as IDataObject | undefined;
	return typeof health?.status === 'string' ? health.status : 'unknown';
}

/** Lines as "From" values: the E.164 number is what the API takes. */
export async function getPhoneNumbers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listPhoneNumbers(this)).map((line) => ({
		name: `${line.phone_number as string} (${statusOf(line)})`,
		value: line.phone_number as string,
	}));
}

/** Lines by ID, for the operations that address a line by its ID. */
export async function getPhoneNumberIds(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await listPhoneNumbers(this)).map((line) => ({
		name: `${line.phone_number as string} (${statusOf(line)})`,
		value: line.id as string,
	}));
}
