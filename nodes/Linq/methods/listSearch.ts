import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { parseHandle } from '../../shared/handles';
import { linqApiRequest } from '../../shared/transport';

const PAGE_SIZE = 50;

function otherHandles(chat: IDataObject): string[] {
	const handles = (chat.handles as IDataObject[] | undefined) ?? [];
	return handles.filter((handle) => !handle.is_me).map((handle) => String(handle.handle));
}

function chatItem(chat: IDataObject): INodeListSearchItems {
	const handles = otherHandles(chat).join(', ');
	const name =
		typeof chat.display_name === 'string' && chat.display_name ? chat.display_name : handles;
	return {
		name: name && handles && name !== handles ? `${name} (${handles})` : name || String(chat.id),
		value: String(chat.id),
	};
}

/**
 * Chats for the Chat picker. Linq filters chats by participant only, so a filter that is a
 * phone number or email asks Linq; any other text is matched here against chat names and
 * handles, page by page.
 */
export async function searchChats(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const handle = text ? parseHandle(text) : undefined;
	const body = await linqApiRequest.call(this, {
		method: 'GET',
		path: '/v3/chats',
		qs: { to: handle?.ok ? handle.handle : undefined, limit: PAGE_SIZE, cursor: paginationToken },
	});
	const chats = (body.chats as IDataObject[] | undefined) ?? [];
	const needle = handle?.ok ? '' : text.toLowerCase();
	const results = chats
		.map(chatItem)
		.filter((item) => !needle || item.name.toLowerCase().includes(needle));
	const next = body.next_cursor;
	return {
		results,
		paginationToken: typeof next === 'string' && next !== '' && chats.length > 0 ? next : undefined,
	};
}
