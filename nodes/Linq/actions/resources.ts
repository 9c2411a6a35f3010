import { attachment } from './attachment';
import { chat } from './chat';
import { message } from './message';
import { phoneNumber } from './phoneNumber';
import type { LinqResource } from './types';

/** Every resource of the Linq node, in the order the Resource dropdown shows them. */
export const resources: LinqResource[] = [message, chat, attachment, phoneNumber];
