import { phoneNumber } from './phoneNumber';
import type { LinqResource } from './types';

/** Every resource of the Linq node, in the order the Resource dropdown shows them. */
export const resources: LinqResource[] = [phoneNumber];
