import type { IDataObject } from 'n8n-workflow';

import type { LinqContext } from '../transport';
import { linqV2Request, type LinqV2Request } from './api';

export interface V2PageOptions {
	/** The list in each page: `data` (chats, messages) or `contacts`. */
	property: string;
	returnAll: boolean;
	/** Used when returnAll is false. */
	limit?: number;
}

/** V2 serves at most 100 items a page. */
export const V2_MAX_PER_PAGE = 100;

function totalPagesOf(body: IDataObject): number | undefined {
	const meta = (body.meta ?? body.pagination) as IDataObject | undefined;
	const total = meta?.total_pages;
	return typeof total === 'number' && Number.isFinite(total) ? total : undefined;
}

/**
 * V2 lists by page number (`page` from 1, `per_page`) and says how many pages there are in
 * `meta` (chats, messages) or `pagination` (contacts). The page size stays the same on every
 * page, or the pages would not line up; a limit below 100 asks for that many per page, so a
 * limit of 5 costs one small request.
 */
export async function linqV2RequestAllItems(
	this: LinqContext,
	request: LinqV2Request,
	page: V2PageOptions,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const wanted = page.returnAll ? Infinity : Math.max(0, page.limit ?? 50);
	const perPage = Math.min(V2_MAX_PER_PAGE, wanted);
	for (let number = 1; results.length < wanted; number++) {
		const body = await linqV2Request.call(this, {
			...request,
			qs: { ...request.qs, page: number, per_page: perPage },
		});
		const items = (body[page.property] as IDataObject[] | undefined) ?? [];
		results.push(...items.slice(0, wanted - results.length));
		const totalPages = totalPagesOf(body);
		const last = totalPages !== undefined ? number >= totalPages : items.length < perPage;
		if (last || items.length === 0) break;
	}
	return results;
}
