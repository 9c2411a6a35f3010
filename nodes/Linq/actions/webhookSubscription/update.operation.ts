import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { requireChanges } from '../../../shared/requireChanges';
import type { LinqOperation } from '../../../shared/operation';
import {
	eventsField,
	isActiveField,
	phoneNumbersField,
	readSubscriptionId,
	subscriptionIdField,
	subscriptionPath,
	targetUrlField,
} from './fields';
import { subscriptionBody } from './subscriptionBody';

export const updateWebhookSubscription: LinqOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a webhook subscription',
	description:
		'Change the target URL, event types or line filter of a webhook subscription, or pause and resume it. Fields left out keep their value; the signing secret stays the same.',
	properties: [
		subscriptionIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [isActiveField, eventsField, phoneNumbersField, targetUrlField],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const node = this.getNode();
		const id = readSubscriptionId(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		return await linqApiRequest.call(this, {
			method: 'PUT',
			path: subscriptionPath(id),
			body: requireChanges(
				node,
				subscriptionBody(node, fields, itemIndex),
				['Active', 'Events', 'Phone Numbers', 'Target URL'],
				itemIndex,
			),
			itemIndex,
		});
	},
};
