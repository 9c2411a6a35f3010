import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { getPhoneNumbers } from '../shared/loadOptions';
import { CREDENTIALS_TYPE } from '../shared/transport';
import { checkAndRemember } from '../shared/delivery/dedupe';
import { downloadMedia } from '../shared/delivery/downloadMedia';
import { withSharedDedupeState } from '../shared/delivery/liveDedupe';
import { triggerProperties } from './properties';
import { readRawBody } from '../shared/delivery/readRawBody';
import { receiveDelivery } from '../shared/delivery/receiveDelivery';
import { rememberEmitted } from './rememberEmitted';
import {
	createSubscription,
	registrationIds,
	removeSubscription,
	signingSecrets,
	subscriptionExists,
} from './subscription';
import { readTriggerOptions } from './triggerOptions';

const HOW_TO_FIX_NO_SECRET =
	"Linq Trigger refused an event because it has no signing secret to check it with. Deactivate and activate the workflow so the trigger registers its own subscription, or put the subscription's secret in the Webhook Signing Secret field of the Linq API credentials.";

function answer(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).send(message);
	return { noWebhookResponse: true };
}

async function credentialSecret(ctx: IWebhookFunctions): Promise<string[]> {
	const credentials = await ctx.getCredentials(CREDENTIALS_TYPE);
	const secret = credentials.webhookSigningSecret;
	return typeof secret === 'string' && secret.trim() !== '' ? [secret.trim()] : [];
}

export class LinqTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Linq Trigger',
		name: 'linqTrigger',
		icon: { light: 'file:../../icons/linq.svg', dark: 'file:../../icons/linq.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n 2.x evaluates a leftover Webhook-node expression through an
		// expression isolate on every delivery to a start node of typeVersion 1 exactly.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Linq reports an iMessage, RCS or SMS event',
		defaults: { name: 'Linq Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'linqAppApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	methods = { loadOptions: { getPhoneNumbers } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await removeSubscription.call(this);
			},
		},
	};

	/** The trigger's step in the execution it started: see rememberEmitted for why it exists. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return rememberEmitted.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const staticData = this.getWorkflowStaticData('node');
		let secrets = signingSecrets(staticData, this.getMode() === 'manual');
		if (secrets.length === 0) secrets = await credentialSecret(this);
		if (secrets.length === 0) {
			this.logger.warn(HOW_TO_FIX_NO_SECRET);
			return answer(this, 401, 'Unauthorized');
		}

		const body = readRawBody(this.getRequestObject());
		const options = readTriggerOptions.call(this);
		const registration = registrationIds(staticData, this.getMode() === 'manual');
		const outcome = receiveDelivery({
			headers: this.getHeaderData(),
			body: body.bytes,
			secrets,
			nowSeconds: Math.floor(Date.now() / 1000),
			// The shared state decides and is written back to static data, for a delivery that
			// got this far (verified and parsed). n8n saves it after a call that starts no
			// execution; for one that does, execute() writes it again (see rememberEmitted).
			dedupe: (keys, nowSeconds) =>
				withSharedDedupeState(this, registration, staticData, nowSeconds, (state) =>
					checkAndRemember(state, keys, nowSeconds),
				),
			filter: options.filter,
		});

		if (outcome.status === 401) {
			this.logger.warn(
				body.reencoded
					? 'Linq Trigger could not verify an event: n8n passed no raw request body, and the re-encoded JSON did not match the signature. The event was refused.'
					: `Linq Trigger refused an event that failed signature verification (${outcome.reason}). If Linq's real events are refused, deactivate and activate the workflow so the trigger registers a subscription with a fresh secret.`,
			);
			return answer(this, 401, 'Unauthorized');
		}
		if (outcome.status === 400)
			return answer(this, 400, 'Bad Request: the body is not a Linq event');

		if (!outcome.emit) {
			this.logger.debug(`Linq Trigger skipped an event (${outcome.reason})`);
			return {};
		}

		const item: INodeExecutionData = { json: outcome.event };
		if (options.media && outcome.event.media.length > 0) {
			// Downloads can take a while: Linq gets its 200 first, so it does not retry meanwhile.
			this.getResponseObject().status(200).send('OK');
			const downloaded = await downloadMedia.call(this, outcome.event.media, options.media);
			item.binary = downloaded.binary;
			if (downloaded.errors.length > 0) item.json.media_download_errors = downloaded.errors;
			return { noWebhookResponse: true, workflowData: [[item]] };
		}
		return { workflowData: [[item]] };
	}
}
