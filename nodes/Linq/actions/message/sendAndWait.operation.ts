import {
	NodeOperationError,
	SEND_AND_WAIT_OPERATION,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { newSealKey } from '../../../shared/seal';
import { linqApiRequest } from '../../../shared/transport';
import { canonicalHandle } from '../../../shared/handles';
import { isValidSigningSecret } from '../../../shared/delivery/signingSecret';
import { text } from '../../../shared/delivery/shapeEvent';
import {
	deleteExpiredWaitSubscriptions,
	deleteWaitSubscription,
	instanceTag,
	MAX_REPLY_WAITS_PER_LINE,
	waitsOnLine,
	waitTargetParameters,
} from '../../../shared/waitSubscriptions';
import { chatPath, readChatId } from '../common/chatLocator';
import { checkMessageContent } from '../common/messageContent';
import { checkSmsSafety } from '../common/smsSafety';
import { messageWithUploads, prepareMessage, type PreparedMessage } from '../common/prepareMessage';
import { readRecipients } from '../common/recipients';
import { sendAndWaitFields } from './sendAndWaitFields';
import { readWaitTill } from './waitLimit';
import { waitOutput } from './waitOutput';
import { KEY_PARAM, saveWaitState, type WaitState } from './waitState';

interface Recipient {
	to?: string[];
	chatId?: string;
}

interface Sent {
	messageId: string | null;
	chatId: string | null;
	line: string | null;
}

/** The line of an existing chat: the participant that is one of your numbers. */
async function chatLine(this: IExecuteFunctions, chatId: string): Promise<string | null> {
	const chat = await linqApiRequest.call(this, { method: 'GET', path: chatPath(chatId) });
	const handles = Array.isArray(chat.handles) ? (chat.handles as IDataObject[]) : [];
	return text(handles.find((handle) => handle?.is_me === true)?.handle);
}

async function send(
	this: IExecuteFunctions,
	recipient: Recipient,
	prepared: PreparedMessage,
): Promise<Sent> {
	const message = await messageWithUploads.call(this, 0, prepared);
	if (recipient.chatId !== undefined) {
		const body = await linqApiRequest.call(this, {
			method: 'POST',
			path: chatPath(recipient.chatId, '/messages'),
			body: { message },
			itemIndex: 0,
		});
		const sent = (body.message ?? {}) as IDataObject;
		return {
			messageId: text(sent.id),
			chatId: text(body.chat_id) ?? recipient.chatId,
			line: null,
		};
	}
	const body = await linqApiRequest.call(this, {
		method: 'POST',
		path: '/v3/messages',
		body: { to: recipient.to, message },
		headers: { 'Idempotency-Key': message.idempotency_key as string },
		itemIndex: 0,
	});
	const sent = (body.message ?? {}) as IDataObject;
	return { messageId: text(sent.id), chatId: text(body.chat_id), line: text(body.from) };
}

/** Puts the approve (and decline) links on their own lines after the text. */
function addApprovalLinks(this: IExecuteFunctions, prepared: PreparedMessage): void {
	const label = (name: string, fallback: string) =>
		String(this.getNodeParameter(name, 0, fallback) ?? '').trim() || fallback;
	const lines = [
		`${label('approveLabel', 'Approve')}: ${this.getSignedResumeUrl({ approved: 'true' })}`,
	];
	if (this.getNodeParameter('approvalLinks', 0, 'approveAndDecline') === 'approveAndDecline') {
		lines.push(
			`${label('declineLabel', 'Decline')}: ${this.getSignedResumeUrl({ approved: 'false' })}`,
		);
	}
	const body = prepared.input.text.trimEnd();
	prepared.input.text = body === '' ? lines.join('\n') : `${body}\n\n${lines.join('\n')}`;
	const problem = checkMessageContent(prepared.input);
	if (problem) {
		throw new NodeOperationError(this.getNode(), problem.message, {
			itemIndex: 0,
			description: `Fix the ${problem.field} field: the approval links are added to the text.`,
		});
	}
	// SMS Safety judges the text that goes out, links included.
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	prepared.sms = checkSmsSafety(this.getNode(), prepared.input, options, 0);
}

/**
 * Creates the subscription a reply arrives through: its target URL is this execution's signed
 * resume URL, with the wait's expiry, this instance's tag and the seal key in its query.
 */
async function subscribeForReply(
	this: IExecuteFunctions,
	waitTill: Date,
	line: string | null,
	key: string,
): Promise<{ id: string; secret: string }> {
	const targetUrl = this.getSignedResumeUrl({
		...waitTargetParameters(waitTill.getTime() / 1000, instanceTag(this.getInstanceId())),
		[KEY_PARAM]: key,
	});
	const body: IDataObject = { target_url: targetUrl, subscribed_events: ['message.received'] };
	if (line !== null) body.phone_numbers = [line];
	const created = await linqApiRequest.call(this, {
		method: 'POST',
		path: '/v3/webhook-subscriptions',
		body,
		itemIndex: 0,
	});
	const id = text(created.id);
	if (id === null || !isValidSigningSecret(created.signing_secret)) {
		if (id !== null) await deleteWaitSubscription.call(this, id);
		throw new NodeOperationError(
			this.getNode(),
			"Linq did not return the wait subscription's ID and a valid signing secret",
			{ itemIndex: 0, description: 'Nothing was sent. Run the workflow again.' },
		);
	}
	return { id, secret: created.signing_secret };
}

/** Deletes the subscription of a wait that will not happen, without hiding the first error. */
async function abandon(this: IExecuteFunctions, subscriptionId: string | undefined): Promise<void> {
	if (subscriptionId === undefined) return;
	await deleteWaitSubscription.call(this, subscriptionId).catch((error: unknown) => {
		this.logger.warn(
			`Linq: could not delete wait subscription ${subscriptionId}; it is deleted once it expires (${(error as Error).message})`,
		);
	});
}

/** Lines a To send may use are known only after it; the subscription then narrows to the line. */
async function narrowToLine(this: IExecuteFunctions, id: string, line: string): Promise<void> {
	await linqApiRequest
		.call(this, {
			method: 'PUT',
			path: `/v3/webhook-subscriptions/${encodeURIComponent(id)}`,
			body: { phone_numbers: [line] },
		})
		.catch((error: unknown) => {
			this.logger.warn(
				`Linq: the wait subscription ${id} listens on all lines, narrowing it to ${line} failed (${(error as Error).message})`,
			);
		});
}

async function execute(this: IExecuteFunctions): Promise<IDataObject> {
	const node = this.getNode();
	if (this.isToolExecution?.()) {
		throw new NodeOperationError(
			node,
			'Send and Wait for Response cannot run as an AI Agent tool',
			{
				description:
					'An agent cannot pause for a reply. Use Send, or put this node after the agent.',
			},
		);
	}
	const reply = this.getNodeParameter('responseType', 0, 'reply') === 'reply';
	const nowMs = Date.now();
	const waitTill = readWaitTill(this, reply, nowMs);
	const recipient: Recipient =
		this.getNodeParameter('sendTo', 0, 'to') === 'chat'
			? { chatId: readChatId(this, 0) }
			: { to: readRecipients(this, 0) };
	const prepared = await prepareMessage.call(this, 0);

	// n8n 2.8 checks the resume URL's signature only when asked to; 2.41 always does.
	(this as { setSignatureValidationRequired?: () => void }).setSignatureValidationRequired?.();
	const key = newSealKey();
	if (!reply) addApprovalLinks.call(this, prepared);
	const state: WaitState = {
		messageId: null,
		chatId: recipient.chatId ?? null,
		line: null,
		sender: recipient.to?.length === 1 ? canonicalHandle(recipient.to[0]) : null,
	};
	// Every run clears this instance's expired wait subscriptions; a reply wait also counts the
	// running ones on its line, so only there a failed list stops the run.
	const nowSeconds = Math.floor(nowMs / 1000);
	if (reply) {
		const running = await deleteExpiredWaitSubscriptions.call(this, nowSeconds);
		state.line =
			recipient.chatId === undefined ? null : await chatLine.call(this, recipient.chatId);
		const waiting = waitsOnLine(running, state.line);
		if (waiting >= MAX_REPLY_WAITS_PER_LINE) {
			throw new NodeOperationError(
				node,
				`${waiting} executions already wait for a reply on ${state.line ?? 'your busiest line'}; at most ${MAX_REPLY_WAITS_PER_LINE} may wait on one line`,
				{
					itemIndex: 0,
					description:
						'Nothing was sent. Every message on a line is delivered to every execution waiting there. Wait for some to finish, shorten Limit Wait Time, or use Approval Link.',
				},
			);
		}
		state.subscription = await subscribeForReply.call(this, waitTill, state.line, key);
	} else {
		await deleteExpiredWaitSubscriptions.call(this, nowSeconds).catch((error: unknown) => {
			this.logger.warn(
				`Linq: could not clear expired Send and Wait subscriptions (${(error as Error).message})`,
			);
		});
	}

	let sent: Sent | undefined;
	try {
		// Stored before sending: n8n keeps at most 10 custom data entries per execution.
		if (!saveWaitState(this, state, key)) {
			throw new NodeOperationError(node, 'n8n did not keep the state of the wait', {
				itemIndex: 0,
				description:
					"Nothing was sent. The execution's custom data already holds 10 entries: remove one from this workflow.",
			});
		}
		sent = await send.call(this, recipient, prepared);
	} finally {
		if (sent === undefined) await abandon.call(this, state.subscription?.id);
	}
	state.messageId = sent.messageId;
	state.chatId = sent.chatId ?? state.chatId;
	state.line = sent.line ?? state.line;
	if (state.subscription && recipient.to !== undefined && sent.line !== null) {
		await narrowToLine.call(this, state.subscription.id, sent.line);
	}
	saveWaitState(this, state, key);

	// A wait that times out resumes without running this node: n8n passes on the items the node
	// was given (docs/design.md, issue 17), so they become the time-out output.
	const timedOut = waitOutput(state, { timed_out: true });
	const executeData = this.getExecuteData();
	executeData.data = { main: [[{ json: timedOut, pairedItem: { item: 0 } }]] };
	await this.putExecutionToWait(waitTill);
	return waitOutput(state, { waiting: true, wait_till: waitTill.toISOString() });
}

export const sendAndWait: LinqOperation = {
	value: SEND_AND_WAIT_OPERATION,
	name: 'Send and Wait for Response',
	action: 'Send a message and wait for response',
	description:
		'Send a message and pause the workflow until the recipient replies or opens an approval link',
	firstItemOnly: true,
	properties: sendAndWaitFields,
	async execute(this: IExecuteFunctions) {
		return await execute.call(this);
	},
};
