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

import {
	answerDelivery,
	type SecretSource,
	type TriggerWebhook,
} from '../shared/delivery/answerDelivery';
import type { DeliveryScheme } from '../shared/delivery/receiveDelivery';
import type { VerifyFailure } from '../shared/delivery/verifySignature';
import { LINQ_V2 } from '../shared/v2/api';
import { v2TriggerProperties } from './properties';
import { shapeV2Event } from './shapeV2Event';
import { v2Subscription } from './subscription';
import { V2_SECRET_MIN_LENGTH, verifyV2Signature } from './verifyV2Signature';

const NAME = 'Linq V2 Trigger (Legacy)';

/** V2's signature has no timestamp and no delivery id: the body and the secret are all it covers. */
const V2_WEBHOOKS: DeliveryScheme = {
	verify: (headers, body, secrets) => verifyV2Signature(headers, body, secrets),
	shape: shapeV2Event,
};

function explain401(reason: VerifyFailure, source: SecretSource, reencoded: boolean): string {
	if (reason === 'no_secret') {
		return `${NAME} refused an event because it has no secret to check it with. Deactivate and activate the workflow so the trigger registers its own subscription, or put the subscription's secret in the Webhook Secret of the Linq V2 (Legacy) API credentials.`;
	}
	if (reason === 'invalid_secret') {
		return source.from === 'subscription'
			? `${NAME} refused an event because the secret stored for its subscription is not valid. Deactivate and activate the workflow so the trigger registers a subscription with a fresh secret.`
			: `${NAME} refused an event because the Webhook Secret in the Linq V2 (Legacy) API credentials is shorter than ${V2_SECRET_MIN_LENGTH} characters or holds spaces or other invisible characters.`;
	}
	if (reason === 'missing_headers') {
		return `${NAME} refused an event without an X-Webhook-Signature header.`;
	}
	const why = reencoded
		? ' n8n passed no raw request body, so only the canonical form could be checked.'
		: '';
	return `${NAME} refused an event whose X-Webhook-Signature matched neither the raw body nor its canonical JSON.${why} If Linq's real events are refused, deactivate and activate the workflow.`;
}

// With no signed timestamp, remembering event_id is the only replay protection V2 allows.
const LINQ_V2_TRIGGER: TriggerWebhook = {
	name: NAME,
	credentialsType: LINQ_V2.credentialsType,
	credentialSecretField: 'webhookSecret',
	scheme: V2_WEBHOOKS,
	explain401,
};

export class LinqV2LegacyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: NAME,
		name: 'linqV2LegacyTrigger',
		icon: { light: 'file:../../icons/linqV2.svg', dark: 'file:../../icons/linqV2.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: "Starts the workflow on events from Linq's legacy V2 API",
		defaults: { name: NAME },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: LINQ_V2.credentialsType, required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: v2TriggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await v2Subscription.checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await v2Subscription.create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await v2Subscription.delete.call(this);
			},
		},
	};

	/**
	 * The trigger's step in the execution its webhook started. It must not touch static data: a
	 * queue-mode worker runs it over an empty copy and saves what it wrote in place of the
	 * workflow's static data (docs/design.md, "Static data: who loads it, who saves it").
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData().map((item, index) => ({ ...item, pairedItem: { item: index } }))];
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await answerDelivery.call(this, LINQ_V2_TRIGGER);
	}
}
