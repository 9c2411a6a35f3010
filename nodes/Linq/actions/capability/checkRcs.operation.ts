import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { checkCapability } from './checkCapability';
import { capabilityFields } from './fields';

export const checkRcs: LinqOperation = {
	value: 'checkRcs',
	name: 'Check RCS',
	action: 'Check whether a phone number can receive RCS',
	description:
		'Find out before sending whether a phone number supports RCS messaging. Returns the address and "available" (true or false).',
	properties: capabilityFields('RCS'),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await checkCapability.call(this, itemIndex, 'check_rcs');
	},
};
