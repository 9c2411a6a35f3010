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
import { triggerProperties } from './properties';
import {
	answerDelivery,
	type SecretSource,
	type TriggerWebhook,
} from '../shared/delivery/answerDelivery';
import { actOnReceipt } from '../shared/delivery/onReceipt';
import { SECRET_FORMAT } from '../shared/delivery/signingSecret';
import type { VerifyFailure } from '../shared/delivery/verifySignature';
import { v3Subscription } from './subscription';

const NO_SECRET =
	"Linq Trigger refused an event because it has no signing secret to check it with. Deactivate and activate the workflow so the trigger registers its own subscription, or put the subscription's secret in the Webhook Signing Secret field of the Linq API credentials.";
const INVALID_STORED_SECRET = `Linq Trigger refused an event because the signing secret stored for its subscription is not valid (expected ${SECRET_FORMAT}). Deactivate and activate the workflow so the trigger registers a subscription with a fresh secret.`;
const INVALID_CREDENTIAL_SECRET = `Linq Trigger refused an event because the Webhook Signing Secret in the Linq API credentials is not valid. Paste it again: ${SECRET_FORMAT}.`;
const REENCODED =
	'Linq Trigger could not verify an event: n8n passed no raw request body, and the re-encoded JSON did not match the signature. The event was refused.';

function explain401(reason: VerifyFailure, source: SecretSource, reencoded: boolean): string {
	if (reason === 'no_secret') return NO_SECRET;
	if (reason === 'invalid_secret') {
		return source.from === 'subscription' ? INVALID_STORED_SECRET : INVALID_CREDENTIAL_SECRET;
	}
	if (reencoded) return REENCODED;
	return `Linq Trigger refused an event that failed signature verification (${reason}). If Linq's real events are refused, deactivate and activate the workflow so the trigger registers a subscription with a fresh secret.`;
}

const LINQ_TRIGGER: TriggerWebhook = {
	name: 'Linq Trigger',
	credentialsType: CREDENTIALS_TYPE,
	credentialSecretField: 'webhookSigningSecret',
	explain401,
};

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
				return await v3Subscription.checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await v3Subscription.create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await v3Subscription.delete.call(this);
			},
		},
	};

	/**
	 * The trigger's step in the execution its webhook started. The read receipt and typing
	 * indicator go out here, after Linq has its answer. It must not touch static data: a
	 * queue-mode worker runs it over an empty copy and saves what it wrote in place of the
	 * workflow's static data (docs/design.md, "Static data: who loads it, who saves it").
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData().map((item, index) => ({
			...item,
			pairedItem: { item: index },
		}));
		return [await actOnReceipt.call(this, items)];
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await answerDelivery.call(this, LINQ_TRIGGER);
	}
}
