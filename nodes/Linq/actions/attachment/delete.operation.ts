import type { IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { bodyOrSuccess } from '../../../shared/successResult';
import type { LinqOperation } from '../../../shared/operation';
import { attachmentIdField, attachmentPath, readAttachmentId } from './fields';

export const deleteAttachment: LinqOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete an attachment',
	description:
		'Permanently delete a file from Linq storage. Messages that sent it stay, but its download link stops working.',
	properties: [attachmentIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const attachmentId = readAttachmentId(this, itemIndex);
		const body = await linqApiRequest.call(this, {
			method: 'DELETE',
			path: attachmentPath(attachmentId),
			itemIndex,
		});
		return bodyOrSuccess(body, { attachment_id: attachmentId });
	},
};
