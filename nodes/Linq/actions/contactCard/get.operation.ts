import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { filtersField } from '../../../shared/fields';
import { linqApiRequest } from '../../../shared/transport';
import { lineField } from '../common/lineField';
import type { LinqOperation } from '../../../shared/operation';

export const getContactCard: LinqOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get contact cards',
	description:
		'Get the contact card (name and photo shared with recipients) of one of your lines, or of every line. Returns one item per card.',
	properties: [
		filtersField([
			lineField(
				{ displayName: 'Phone Number Name or ID', name: 'phoneNumber' },
				'Only the card of this line',
			),
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const line = this.getNodeParameter('filters.phoneNumber', itemIndex, '') as string;
		const qs: IDataObject = {};
		if (String(line).trim() !== '') {
			qs.phone_number = requireHandle(this.getNode(), line, 'Phone Number', itemIndex);
		}
		const body = await linqApiRequest.call(this, {
			method: 'GET',
			path: '/v3/contact_card',
			qs,
			itemIndex,
		});
		return (body.contact_cards as IDataObject[] | undefined) ?? [];
	},
};
