import type {
	IDataObject,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { matchReply } from '../../../shared/keywords';
import { dedupeScope, seenBefore } from '../../../shared/delivery/dedupe';
import { readRawBody } from '../../../shared/delivery/readRawBody';
import { receiveDelivery } from '../../../shared/delivery/receiveDelivery';
import { answer, refuse } from '../../../shared/delivery/refuse';
import { deleteWaitSubscription } from '../../../shared/waitSubscriptions';
import { waitOutput } from './waitOutput';
import { KEY_PARAM, loadWaitState, type WaitState } from './waitState';

/**
 * The resume URL of a waiting Send and Wait: `<waiting webhook base>/<execution>/<node id>`.
 * n8n registers restart webhooks only for waiting executions, never on activation.
 */
export const resumeWebhooks: IWebhookDescription[] = (['GET', 'POST'] as const).map(
	(httpMethod) => ({
		name: 'default',
		httpMethod,
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	}),
);

const RECORDED_PAGE =
	'<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Answer recorded</title></head><body style="font-family:sans-serif;text-align:center;padding:3em 1em"><h1>Thank you</h1><p>Your answer was recorded. You can close this page.</p></body></html>';

/**
 * Link-preview fetchers open links in messages on their own (iMessage's is
 * "facebookexternalhit … Twitterbot"); they must not answer for the recipient. Substrings of a
 * bounded, lower-cased user agent: linear, no regular expression over foreign input.
 */
const PREVIEW_AGENTS = [
	'bot',
	'crawler',
	'spider',
	'preview',
	'facebookexternalhit',
	'whatsapp',
	'slackbot',
	'skypeuripreview',
	'headless',
];

export function isLinkPreview(userAgent: unknown): boolean {
	const agent = typeof userAgent === 'string' ? userAgent.slice(0, 512).toLowerCase() : '';
	return PREVIEW_AGENTS.some((part) => agent.includes(part));
}

function words(ctx: IWebhookFunctions, name: string): string[] {
	return String(ctx.getNodeParameter(name, '') ?? '')
		.split(',')
		.map((word) => word.trim())
		.filter((word) => word !== '');
}

function resume(json: IDataObject, response: string): IWebhookResponseData {
	const item: INodeExecutionData = { json, pairedItem: { item: 0 } };
	return { webhookResponse: response, workflowData: [[item]] };
}

function approvalLink(ctx: IWebhookFunctions, state: WaitState): IWebhookResponseData {
	const request = ctx.getRequestObject();
	if (isLinkPreview(request.headers['user-agent'])) return answer(ctx, 200, '');
	const approved = (ctx.getQueryData() as IDataObject).approved === 'true';
	return resume(
		waitOutput(state, { approved, responded_at: new Date().toISOString() }),
		RECORDED_PAGE,
	);
}

/**
 * A delivery from the wait's own subscription, through the trigger's steps (receiveDelivery).
 * Anything but the awaited reply is answered without workflow data, which leaves the execution
 * waiting (docs/design.md, issue 17).
 */
async function linqDelivery(
	ctx: IWebhookFunctions,
	state: WaitState & { subscription: { id: string; secret: string } },
): Promise<IWebhookResponseData> {
	const subscriptions = [state.subscription.id];
	const scope = dedupeScope(ctx, subscriptions);
	const outcome = receiveDelivery({
		headers: ctx.getHeaderData(),
		body: readRawBody(ctx.getRequestObject()).bytes,
		secrets: [state.subscription.secret],
		nowSeconds: Math.floor(Date.now() / 1000),
		// Remembered in this process only: the execution is not saved while it keeps waiting.
		dedupe: (keys, nowSeconds) => seenBefore(scope, {}, keys, nowSeconds),
		filter: {
			events: new Set(['message.received']),
			includeOwnOutbound: false,
			allowedSenders: new Set(state.sender === null ? [] : [state.sender]),
			lines: new Set(),
		},
	});
	if (outcome.status === 401) {
		return refuse(
			ctx,
			scope,
			401,
			`Linq Send and Wait refused a delivery that failed signature verification (${outcome.reason})`,
		);
	}
	if (outcome.status === 400) {
		return refuse(
			ctx,
			scope,
			400,
			`Linq Send and Wait refused a signed body that is not a Linq event (${outcome.reason})`,
		);
	}
	if (!outcome.emit || (state.chatId !== null && outcome.event.chat_id !== state.chatId)) {
		return answer(ctx, 200, 'OK');
	}

	const event = outcome.event;
	try {
		await deleteWaitSubscription.call(ctx, state.subscription.id);
	} catch (error) {
		ctx.logger.warn(
			`Linq: could not delete wait subscription ${state.subscription.id}; it is deleted once it expires (${(error as Error).message})`,
		);
	}
	const match = matchReply(event.text, words(ctx, 'approveWords'), words(ctx, 'declineWords'));
	return resume(
		waitOutput(state, {
			approved: match.approved,
			opt_out: match.opt_out,
			keyword: match.keyword,
			reply: {
				text: event.text,
				from: event.from,
				message_id: event.message_id,
				chat_id: event.chat_id,
				received_at: event.created_at,
				media: event.media,
			},
		}),
		'OK',
	);
}

/**
 * The waiting webhook of Send and Wait: the approval links (GET) and the reply subscription's
 * deliveries (POST). It never throws: n8n would resume the execution with the error.
 */
export async function resumeWait(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	try {
		const reply = this.getNodeParameter('responseType', 'reply') === 'reply';
		const key = (this.getQueryData() as IDataObject)[KEY_PARAM];
		const state = loadWaitState(this, reply, key);
		if (state === undefined) return answer(this, 401, 'Unauthorized');
		const method = this.getRequestObject().method;
		if (!reply && method === 'GET') return approvalLink(this, state);
		if (reply && method === 'POST' && state.subscription) {
			return await linqDelivery(this, { ...state, subscription: state.subscription });
		}
		return answer(this, 200, 'This link takes no answer');
	} catch (error) {
		this.logger.error(
			`Linq Send and Wait could not handle a call to its resume URL: ${(error as Error).message}`,
		);
		return answer(this, 500, 'Internal Server Error');
	}
}
