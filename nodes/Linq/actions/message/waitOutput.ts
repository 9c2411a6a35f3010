import type { IDataObject } from 'n8n-workflow';

import type { WaitState } from './waitState';

/**
 * The node's output after a wait, whichever way it ended: the answer fields, then the sent
 * message's ids, so a workflow can remind, call or escalate about that very message.
 */
export function waitOutput(state: WaitState, fields: IDataObject): IDataObject {
	return {
		approved: null,
		opt_out: false,
		timed_out: false,
		reply: null,
		...fields,
		sent: { message_id: state.messageId, chat_id: state.chatId, line: state.line },
	};
}
