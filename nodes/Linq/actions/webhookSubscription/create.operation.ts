import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { optionsField } from '../../../shared/fields';
import { linqApiRequest } from '../../../shared/transport';
import type { LinqOperation } from '../../../shared/operation';
import { eventsField, phoneNumbersField, targetUrlField } from './fields';
import { subscriptionBody } from './subscriptionBody';

export const createWebhookSubscription: LinqOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a webhook subscription',
	description:
		'Have Linq post chosen events to an HTTPS URL. The output holds the signing secret: it is shown only this once, so store it now (for example as the Webhook Signing Secret of your Linq API credentials) to verify deliveries.',
	properties: [
		{ ...targetUrlField, required: true },
		{ ...eventsField, required: true },
		phoneNumbersField,
		optionsField([
			{
				displayName: 'Include Signing Secret',
				name: 'includeSigningSecret',
				type: 'boolean',
				default: true,
				description:
					'Whether to put the signing secret in the output. Output is kept in the execution data (and in pinned data if you pin it): turn this off when you do not need the secret, for example when the Linq Trigger manages its own subscription.',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const fields: IDataObject = {
			targetUrl: this.getNodeParameter('targetUrl', itemIndex),
			events: this.getNodeParameter('events', itemIndex),
		};
		const lines = this.getNodeParameter('phoneNumbers', itemIndex, []);
		if (Array.isArray(lines) ? lines.length > 0 : String(lines).trim() !== '') {
			fields.phoneNumbers = lines as string[];
		}
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const created = await linqApiRequest.call(this, {
			method: 'POST',
			path: '/v3/webhook-subscriptions',
			body: subscriptionBody(this.getNode(), fields, itemIndex),
			itemIndex,
		});
		if (options.includeSigningSecret !== false) return created;
		return Object.fromEntries(Object.entries(created).filter(([key]) => key !== 'signing_secret'));
	},
};
