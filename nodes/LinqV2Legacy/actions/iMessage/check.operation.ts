import type { IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { requireV2Phone } from '../handles';

export const checkIMessage: LinqOperation = {
	value: 'check',
	name: 'Check',
	action: 'Check whether a number has iMessage',
	description:
		'Check whether a phone number is registered with iMessage (one check per 10 seconds)',
	properties: [
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			required: true,
			default: '',
			placeholder: '+15551234567',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const phone = requireV2Phone(
			this.getNode(),
			this.getNodeParameter('phoneNumber', itemIndex),
			'Phone Number',
			itemIndex,
		);
		return await linqV2Request.call(this, {
			method: 'POST',
			path: '/i_message_availability/check',
			body: { phone_number: phone },
			// A check changes nothing, so it may be repeated after a failure.
			idempotent: true,
			rateLimitHint:
				"Linq's V2 API allows one iMessage availability check every 10 seconds for the whole account. The node waited and retried; space the checks out, for example with a Wait node or a loop of one item at a time.",
			itemIndex,
		});
	},
};
