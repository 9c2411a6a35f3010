import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { linqApiRequest } from './transport';

async function listPhoneNumbers(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const body = await linqApiRequest.call(ctx, { method: 'GET', path: '/v3/phone_numbers' });
	return (body.phone_numbers as IDataObject[] | undefined) ?? [];
}

/** `reputation` replaces the deprecated `health_status`; older answers carry only the latter. */
function statusOf(line: IDataObject): string {
	const reputation = (line.reputation ?? line.health_status) as IDataObject | undefined;
	return typeof reputation?.status === 'string' ? reputation.status : 'unknown';
}

/** Lines as "From" values: the E.164 number is what the API takes. */
export async function getPhoneNumbers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
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

/** The event types a webhook subscription can receive, as Linq lists them today. */
export async function getWebhookEventTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const body = await linqApiRequest.call(this, { method: 'GET', path: '/v3/webhook-events' });
	const events = (body.events as unknown[] | undefined) ?? [];
	return events
		.filter((event): event is string => typeof event === 'string' && event !== '')
		.map((event) => ({ name: event, value: event }));
}
