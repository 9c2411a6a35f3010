import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { linqApiRequest } from '../../../shared/transport';
import { chatLocatorField, chatPath, readChatId } from '../common/chatLocator';
import { isHttpsUrl } from '../../../shared/httpsUrl';
import { textValue } from '../../../shared/textValue';
import { requireId } from '../common/requireId';
import { readBinaryFile } from '../../../shared/binaryFile';
import { uploadBinary } from '../common/uploadBinary';
import type { LinqOperation } from '../../../shared/operation';

export const sendVoiceMemo: LinqOperation = {
	value: 'sendVoiceMemo',
	name: 'Send Voice Memo',
	action: 'Send a voice memo in a chat',
	description:
		'Send audio as an iMessage voice memo bubble with inline playback (MP3, M4A, AAC, CAF, WAV, AIFF, AMR)',
	properties: [
		chatLocatorField,
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'URL', value: 'url', description: 'A public https:// address of the audio file' },
				{
					name: 'Binary Property',
					value: 'binary',
					description: 'An audio file from the input item, uploaded to Linq first',
				},
				{
					name: 'Attachment ID',
					value: 'attachment',
					description:
						'Audio already uploaded with Attachment → Upload, sent without uploading again',
				},
			],
			default: 'url',
		},
		{
			displayName: 'Voice Memo URL',
			name: 'voiceMemoUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/memo.m4a',
			displayOptions: { show: { source: ['url'] } },
		},
		{
			displayName: 'Binary Property',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			description: 'Name of the input binary property that holds the audio file',
			displayOptions: { show: { source: ['binary'] } },
		},
		{
			displayName: 'Attachment ID',
			name: 'attachmentId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. abc12345-1234-5678-9abc-def012345678',
			description: 'The attachment_id output by Attachment → Upload',
			displayOptions: { show: { source: ['attachment'] } },
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const chatId = readChatId(this, itemIndex);
		const body: IDataObject = {};
		const source = this.getNodeParameter('source', itemIndex, 'url');
		if (source === 'attachment') {
			body.attachment_id = requireId(
				this.getNode(),
				this.getNodeParameter('attachmentId', itemIndex, ''),
				'Attachment ID',
				itemIndex,
			);
		} else if (source === 'binary') {
			const name = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data'));
			const file = await readBinaryFile.call(this, itemIndex, name, {
				requiredTypePrefix: 'audio/',
			});
			body.attachment_id = (await uploadBinary.call(this, itemIndex, file)).attachment_id;
		} else {
			const url = textValue(
				this.getNode(),
				this.getNodeParameter('voiceMemoUrl', itemIndex, ''),
				'Voice Memo URL',
				itemIndex,
			).trim();
			if (!isHttpsUrl(url)) {
				throw new NodeOperationError(
					this.getNode(),
					`Voice Memo URL "${url}" must be a public https:// address`,
					{ itemIndex },
				);
			}
			body.voice_memo_url = url;
		}
		return await linqApiRequest.call(this, {
			method: 'POST',
			path: chatPath(chatId, '/voicememo'),
			body,
			itemIndex,
		});
	},
};
