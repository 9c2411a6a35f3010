import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { DEFAULT_V2_BASE_URL } from '../../../credentials/LinqAppV2Api.credentials';
import { requireText } from '../requireText';
import { linqApiRequest, type LinqApi, type LinqContext, type LinqRequest } from '../transport';

export const LINQ_V2: LinqApi = {
	credentialsType: 'linqAppV2Api',
	credentialsName: 'Linq V2 (Legacy) API',
	tokenName: 'integration token',
	defaultBaseUrl: DEFAULT_V2_BASE_URL,
	secretFields: ['integrationToken', 'webhookSecret'],
	arrayFormat: 'brackets',
};

const PREFIX = '/api/partner/v2';

/** A V2 request: `path` is below /api/partner/v2 (`/chats/12`). */
export type LinqV2Request = Omit<LinqRequest, 'api'>;

/** The one transport, with the V2 credential, its base path and its way of writing lists. */
export async function linqV2Request(
	this: LinqContext,
	request: LinqV2Request,
): Promise<IDataObject> {
	return await linqApiRequest.call(this, {
		...request,
		api: LINQ_V2,
		path: `${PREFIX}${request.path}`,
	});
}

/** V2 ids are positive integers; whatever else reaches a path could change the endpoint. */
const V2_ID = /^[1-9]\d{0,17}$/;

/** The integer ID of a field that goes into a request path, as text. */
export function requireV2Id(node: INode, value: unknown, field: string, itemIndex: number): string {
	const id = requireText(node, value, field, itemIndex);
	if (!V2_ID.test(id)) {
		throw new NodeOperationError(node, `${field} "${id.slice(0, 100)}" is not a V2 ID`, {
			itemIndex,
			description: `IDs in Linq's V2 API are whole numbers, like 12345. Check the expression that fills ${field}.`,
		});
	}
	return id;
}
