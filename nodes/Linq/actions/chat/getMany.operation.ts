import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { filtersField, optionsField, returnAllFields } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';
import { textValue } from '../../../shared/textValue';
import { fromField, readFrom } from '../common/fromField';
import { cursorOption, listPaged } from '../common/paging';

export const getManyChats: LinqOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many chats',
	description: 'List chats, optionally only those of one of your numbers or with one participant',
	properties: [
		...returnAllFields,
		filtersField([
			fromField('Only chats of this Linq number'),
			{
				displayName: 'To',
				name: 'to',
				type: 'string',
				default: '',
				placeholder: '+15551234567',
				description: 'Only chats with this participant: an E.164 phone number or an email address',
			},
		]),
		optionsField([cursorOption]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		const to = textValue(this.getNode(), filters.to, 'To', itemIndex).trim();
		if (to) qs.to = requireHandle(this.getNode(), to, 'To', itemIndex);
		const from = textValue(this.getNode(), filters.from, 'From', itemIndex).trim();
		if (from) qs.from = await readFrom(this, from, to ? [qs.to as string] : [], itemIndex);
		return await listPaged.call(this, { method: 'GET', path: '/v3/chats', qs, itemIndex }, 'chats');
	},
};
