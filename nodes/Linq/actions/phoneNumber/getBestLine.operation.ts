import type { IExecuteFunctions } from 'n8n-workflow';

import { requireHandles } from '../../../shared/handles';
import type { LinqOperation } from '../../../shared/operation';
import { textValue } from '../../../shared/textValue';
import { fetchBestLine } from '../common/fromField';

export const getBestLine: LinqOperation = {
	value: 'getBestLine',
	name: 'Get Best Line',
	action: 'Get the best line to send from',
	description:
		"The line Linq's smart number assignment would send from, and a time-limited vCard link for it to share. Advisory: nothing is reserved.",
	properties: [
		{
			displayName: 'To',
			name: 'to',
			type: 'string',
			default: '',
			placeholder: '+15551234567',
			description:
				'Optional recipients (E.164 numbers or emails, separated by commas): the line of an existing chat with them is kept. Empty: the best healthy line.',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const node = this.getNode();
		const given = textValue(node, this.getNodeParameter('to', itemIndex, ''), 'To', itemIndex);
		const to = given.trim() ? requireHandles(node, given, 'To', itemIndex) : [];
		return await fetchBestLine(this, to, itemIndex);
	},
};
