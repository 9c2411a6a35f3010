import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { LinqOperation } from '../../../shared/operation';
import { linqV2Request } from '../../../shared/v2/api';
import { chatIdField, messageIdField } from '../fields';
import { messagePath } from './messagePath';

export const getMessage: LinqOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a message',
	description: 'Get a message with its delivery status, attachments and reactions',
	properties: [chatIdField, messageIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const path = messagePath(this, itemIndex, true);
		const answer = await linqV2Request.call(this, { method: 'GET', path, itemIndex });
		return (answer.data as IDataObject | undefined) ?? answer;
	},
};
