import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { returnAllFields } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';
import { optionsField } from '../common/optionsField';
import { cursorOption, listPaged } from '../common/paging';

export const getManyChats: LinqOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many chats',
	description: 'List chats, optionally only those of one of your numbers or with one participant',
	properties: [
		...returnAllFields,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'From Name or ID',
					name: 'from',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
					default: '',
					description:
						'Only chats of this Linq number (E.164). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'To',
					name: 'to',
					type: 'string',
					default: '',
					placeholder: '+15551234567',
					description:
						'Only chats with this participant: an E.164 phone number or an email address',
				},
			],
		},
		optionsField([cursorOption]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		for (const [key, field] of [
			['from', 'From'],
			['to', 'To'],
		] as const) {
			const value = String(filters[key] ?? '').trim();
			if (value) qs[key] = requireHandle(this.getNode(), value, field, itemIndex);
		}
		return await listPaged.call(this, { method: 'GET', path: '/v3/chats', qs, itemIndex }, 'chats');
	},
};
