import type { IDataObject } from 'n8n-workflow';

/**
 * The API's answer, or, when Linq answers with no body (204), a confirmation that names what
 * was acted on, so the next node still has something to work with.
 */
export function bodyOrSuccess(body: IDataObject, ids: IDataObject): IDataObject {
	return Object.keys(body).length > 0 ? body : { success: true, ...ids };
}
