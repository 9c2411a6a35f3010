import type { LinqResource } from '../../shared/operation';
import { chat } from './chat';
import { chatMessage } from './chatMessage';
import { contact } from './contact';
import { iMessage } from './iMessage';
import { phoneNumber } from './phoneNumber';
import { reaction } from './reaction';
import { webhookSubscription } from './webhookSubscription';

/** Every resource of the Linq V2 (Legacy) node, in the order the Resource dropdown shows them. */
export const resources: LinqResource[] = [
	chatMessage,
	chat,
	reaction,
	contact,
	phoneNumber,
	iMessage,
	webhookSubscription,
];
