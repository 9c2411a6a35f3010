import type { LinqResource } from '../../../shared/operation';
import { createSubscription } from './create.operation';
import { deleteSubscription } from './delete.operation';
import { getManySubscriptions } from './getMany.operation';
import { updateSubscription } from './update.operation';

export const webhookSubscription: LinqResource = {
	value: 'webhookSubscription',
	name: 'Webhook Subscription',
	description: 'Where Linq posts V2 events',
	operations: [createSubscription, getManySubscriptions, updateSubscription, deleteSubscription],
	defaultOperation: 'getMany',
};
