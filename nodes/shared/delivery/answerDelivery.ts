import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { dedupeScope, seenBefore, writeDedupeState } from './dedupe';
import { downloadMedia } from './downloadMedia';
import { readRawBody } from './readRawBody';
import { receiveDelivery, type DeliveryScheme } from './receiveDelivery';
import { signingSecrets, subscriptionIds } from './registrations';
import { refuse } from './refuse';
import { readTriggerOptions } from './triggerOptions';
import type { VerifyFailure } from './verifySignature';

export interface SecretSource {
	secrets: string[];
	from: 'subscription' | 'credentials';
}

/** What differs between the Linq Trigger and the V2 (Legacy) one when a delivery arrives. */
export interface TriggerWebhook {
	name: string;
	credentialsType: string;
	/** The credential field holding a secret the user pasted, used when no subscription is ours. */
	credentialSecretField: string;
	/** Signature check and item shape; Linq's current webhooks when left out. */
	scheme?: DeliveryScheme;
	explain401(reason: VerifyFailure, source: SecretSource, reencoded: boolean): string;
}

/** The secrets of the trigger's own subscriptions, else the one in the credentials. */
async function findSecrets(
	ctx: IWebhookFunctions,
	trigger: TriggerWebhook,
	staticData: IDataObject,
): Promise<SecretSource> {
	const stored = signingSecrets(staticData, ctx.getMode() === 'manual');
	if (stored.length > 0) return { secrets: stored, from: 'subscription' };
	const credentials = await ctx.getCredentials(trigger.credentialsType);
	const secret = credentials[trigger.credentialSecretField];
	return {
		secrets: typeof secret === 'string' && secret.trim() !== '' ? [secret.trim()] : [],
		from: 'credentials',
	};
}

/**
 * A trigger's webhook(): verify → parse → dedupe → filter → shape, then answer Linq. Refusals get
 * 401 or 400 and start nothing; skipped events get 200 and start nothing.
 */
export async function answerDelivery(
	this: IWebhookFunctions,
	trigger: TriggerWebhook,
): Promise<IWebhookResponseData> {
	const staticData = this.getWorkflowStaticData('node');
	const source = await findSecrets(this, trigger, staticData);
	const body = readRawBody(this.getRequestObject());
	const options = readTriggerOptions.call(this);
	const subscriptions = subscriptionIds(staticData, this.getMode() === 'manual');
	const scope = dedupeScope(this, subscriptions);
	const nowSeconds = Math.floor(Date.now() / 1000);
	const outcome = receiveDelivery({
		headers: this.getHeaderData(),
		body: body.bytes,
		secrets: source.secrets,
		nowSeconds,
		dedupe: (keys) => seenBefore(scope, staticData, keys, nowSeconds),
		filter: options.filter,
		scheme: trigger.scheme,
	});

	if (outcome.status === 401) {
		return refuse(this, scope, 401, trigger.explain401(outcome.reason, source, body.reencoded));
	}
	if (outcome.status === 400) {
		return refuse(
			this,
			scope,
			400,
			`${trigger.name} refused a signed body that is not a Linq event (${outcome.reason})`,
		);
	}
	if (!outcome.emit) {
		this.logger.debug(`${trigger.name} skipped an event (${outcome.reason})`);
		return {};
	}

	// Only here, for an event that starts an execution, is the dedupe state written. Answering
	// Linq ourselves (noWebhookResponse) makes n8n save static data before it starts the
	// execution; otherwise n8n 2.41 clears the "changed" flag first and drops the write
	// (docs/design.md, "Static data: who loads it, who saves it").
	writeDedupeState(scope, staticData, nowSeconds);
	this.getResponseObject().status(200).send('OK');
	const item: INodeExecutionData = { json: outcome.event };
	if (options.media && outcome.event.media.length > 0) {
		const downloaded = await downloadMedia.call(this, outcome.event.media, options.media);
		item.binary = downloaded.binary;
		if (downloaded.errors.length > 0) item.json.media_download_errors = downloaded.errors;
	}
	return { noWebhookResponse: true, workflowData: [[item]] };
}
