import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from '../common/requireId';

export const attachmentIdField: INodeProperties = {
	displayName: 'Attachment ID',
	name: 'attachmentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. abc12345-1234-5678-9abc-def012345678',
	description: 'The ID returned by Upload, or found in a media part of a message',
};

export function readAttachmentId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireId(
		ctx.getNode(),
		ctx.getNodeParameter('attachmentId', itemIndex, ''),
		'Attachment ID',
		itemIndex,
	);
}

export function attachmentPath(attachmentId: string): string {
	return `/v3/attachments/${encodeURIComponent(attachmentId)}`;
}
