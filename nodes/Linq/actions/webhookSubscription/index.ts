import type { LinqResource } from '../../../shared/operation';
import { createWebhookSubscription } from './create.operation';
import { deleteWebhookSubscription } from './delete.operation';
import { getWebhookSubscription } from './get.operation';
import { getWebhookEventTypes } from './getEventTypes.operation';
import { getManyWebhookSubscriptions } from './getMany.operation';
import { updateWebhookSubscription } from './update.operation';

export const webhookSubscription: LinqResource = {
	value: 'webhookSubscription',
	name: 'Webhook Subscription',
	description: 'Where Linq sends events about your messages and chats',
	operations: [
		createWebhookSubscription,
		deleteWebhookSubscription,
		getWebhookSubscription,
		getManyWebhookSubscriptions,
		getWebhookEventTypes,
		updateWebhookSubscription,
	],
	defaultOperation: 'getMany',
};
