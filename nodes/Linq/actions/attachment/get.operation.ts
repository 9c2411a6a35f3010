import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { storageRequest } from '../../../shared/storage';
import { linqApiRequest } from '../../../shared/transport';
import { LIMITS } from '../common/limits';
import { OutputItems, type LinqOperation } from '../../../shared/operation';
import { attachmentIdField, attachmentPath, readAttachmentId } from './fields';

export const getAttachment: LinqOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get an attachment',
	description:
		'Get the name, type, size and download URL of an attachment, and optionally the file itself',
	properties: [
		attachmentIdField,
		{
			displayName: 'Download File',
			name: 'download',
			type: 'boolean',
			default: false,
			description: 'Whether to download the file into a binary property of the output item',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			hint: 'The name of the output binary field to put the file in',
			displayOptions: { show: { download: [true] } },
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const attachment = await linqApiRequest.call(this, {
			method: 'GET',
			path: attachmentPath(readAttachmentId(this, itemIndex)),
			itemIndex,
		});
		if (!this.getNodeParameter('download', itemIndex, false)) return attachment;
		const buffer = await storageRequest.call(this, {
			method: 'GET',
			url: typeof attachment.download_url === 'string' ? attachment.download_url : '',
			itemIndex,
			maxBytes: LIMITS.uploadBytes,
		});
		const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data'));
		const item: INodeExecutionData = {
			json: attachment,
			binary: {
				[property]: await this.helpers.prepareBinaryData(
					buffer,
					attachment.filename as string | undefined,
					attachment.content_type as string | undefined,
				),
			},
		};
		return new OutputItems([item]);
	},
};
