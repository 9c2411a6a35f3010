import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import type { LinqOperation } from '../types';
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
		return await linqApiRequest.call(this, {
			method: 'POST',
			path: '/v3/webhook-subscriptions',
			body: subscriptionBody(this.getNode(), fields, itemIndex),
			itemIndex,
		});
	},
};
