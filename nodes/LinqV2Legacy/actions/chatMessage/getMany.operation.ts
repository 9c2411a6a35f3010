import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { filtersField, returnAllFields, sortOrderOption } from '../../../shared/fields';
import type { LinqOperation } from '../../../shared/operation';
import { textValue } from '../../../shared/textValue';
import { linqV2RequestAllItems } from '../../../shared/v2/pages';
import { chatIdField } from '../fields';
import { messagePath } from './messagePath';

export const getManyMessages: LinqOperation = {
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many messages of a chat',
	description: 'List the messages of a chat, oldest first unless sorted otherwise',
	properties: [
		chatIdField,
		...returnAllFields,
		filtersField([
			{
				displayName: 'Sent After',
				name: 'after',
				type: 'dateTime',
				default: '',
				description: 'Only messages sent after this moment',
			},
			{
				displayName: 'Sent Before',
				name: 'before',
				type: 'dateTime',
				default: '',
				description: 'Only messages sent before this moment',
			},
			sortOrderOption('Sort', 'sort'),
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const node = this.getNode();
		const path = messagePath(this, itemIndex, false);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		for (const [key, field] of [
			['after', 'Sent After'],
			['before', 'Sent Before'],
		] as const) {
			const value = textValue(node, filters[key], field, itemIndex).trim();
			if (value === '') continue;
			const time = Date.parse(value);
			if (Number.isNaN(time)) {
				throw new NodeOperationError(node, `${field} "${value.slice(0, 100)}" is not a date`, {
					itemIndex,
					description: 'Use a date and time like 2025-05-21T15:30:00Z.',
				});
			}
			qs[key] = new Date(time).toISOString();
		}
		if (filters.sort === 'asc' || filters.sort === 'desc') qs.sort = filters.sort;
		return await linqV2RequestAllItems.call(
			this,
			{ method: 'GET', path, qs, itemIndex },
			{
				property: 'data',
				returnAll: this.getNodeParameter('returnAll', itemIndex, false) as boolean,
				limit: this.getNodeParameter('limit', itemIndex, 50) as number,
			},
		);
	},
};
