import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { optionsField } from '../../../shared/fields';
import { readBinaryFile } from '../../../shared/binaryFile';
import { uploadBinary } from '../common/uploadBinary';
import type { LinqOperation } from '../../../shared/operation';

export const uploadAttachment: LinqOperation = {
	value: 'upload',
	name: 'Upload',
	action: 'Upload an attachment',
	description:
		'Upload a file (up to 100 MB) once and get an attachment ID to send in many messages without uploading again',
	properties: [
		{
			displayName: 'Binary Property',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			description: 'Name of the input binary property that holds the file',
		},
		optionsField([
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: 'Name recipients see. Defaults to the binary file name.',
			},
			{
				displayName: 'Content Type',
				name: 'contentType',
				type: 'string',
				default: '',
				placeholder: 'image/jpeg',
				description: 'MIME type of the file. Defaults to the binary MIME type.',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const file = await readBinaryFile.call(
			this,
			itemIndex,
			String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')),
			{ fileName: options.fileName as string, contentType: options.contentType as string },
		);
		return await uploadBinary.call(this, itemIndex, file);
	},
};
