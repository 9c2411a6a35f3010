import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { DedupeScope } from './dedupe';
import { refusalToLog } from './refusalLog';

export function answer(
	ctx: IWebhookFunctions,
	status: number,
	message: string,
): IWebhookResponseData {
	ctx.getResponseObject().status(status).send(message);
	return { noWebhookResponse: true };
}

/**
 * Answers a refused delivery and logs why, at most once a minute per registration (refusalLog.ts).
 */
export function refuse(
	ctx: IWebhookFunctions,
	registration: DedupeScope,
	status: 400 | 401,
	why: string,
): IWebhookResponseData {
	const unlogged = refusalToLog(registration, Date.now());
	if (unlogged !== undefined) {
		ctx.logger.warn(
			unlogged > 0
				? `${why} (${unlogged} more refused since the last warning were not logged)`
				: why,
		);
	}
	return answer(
		ctx,
		status,
		status === 401 ? 'Unauthorized' : 'Bad Request: the body is not a Linq event',
	);
}
