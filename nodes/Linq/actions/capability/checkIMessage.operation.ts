import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { checkCapability } from './checkCapability';
import { capabilityFields } from './fields';

export const checkIMessage: LinqOperation = {
	value: 'checkIMessage',
	name: 'Check iMessage',
	action: 'Check whether an address can receive iMessage',
	description:
		'Find out before sending whether a phone number or email address is reachable over iMessage. Returns the address and "available" (true or false).',
	properties: capabilityFields('iMessage'),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await checkCapability.call(this, itemIndex, 'check_imessage');
	},
};
