import { attachment } from './attachment';
import { capability } from './capability';
import { chat } from './chat';
import { contactCard } from './contactCard';
import { message } from './message';
import { participant } from './participant';
import { phoneNumber } from './phoneNumber';
import type { LinqResource } from '../../shared/operation';
import { webhookSubscription } from './webhookSubscription';

/** Every resource of the Linq node, in the order the Resource dropdown shows them. */
export const resources: LinqResource[] = [
	message,
	chat,
	attachment,
	phoneNumber,
	participant,
	capability,
	contactCard,
	webhookSubscription,
];
