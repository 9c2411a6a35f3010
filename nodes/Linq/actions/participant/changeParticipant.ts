import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { linqApiRequest } from '../../../shared/transport';
import { chatPath, readChatId } from '../common/chatLocator';
import { bodyOrSuccess } from '../../../shared/successResult';

/** Add and Remove differ only in the method: both send `{handle}` to the chat's participants. */
export async function changeParticipant(
	this: IExecuteFunctions,
	itemIndex: number,
	method: 'POST' | 'DELETE',
): Promise<IDataObject> {
	const node = this.getNode();
	const chatId = readChatId(this, itemIndex);
	const handle = requireHandle(
		node,
		this.getNodeParameter('handle', itemIndex),
		'Handle',
		itemIndex,
	);
	const body = await linqApiRequest.call(this, {
		method,
		path: chatPath(chatId, '/participants'),
		body: { handle },
		itemIndex,
	});
	return bodyOrSuccess(body, { chat_id: chatId, handle });
}
