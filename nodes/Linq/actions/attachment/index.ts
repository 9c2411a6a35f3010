import type { LinqResource } from '../../../shared/operation';
import { deleteAttachment } from './delete.operation';
import { getAttachment } from './get.operation';
import { uploadAttachment } from './upload.operation';

export const attachment: LinqResource = {
	value: 'attachment',
	name: 'Attachment',
	description: 'Upload files once and reuse them in messages',
	operations: [uploadAttachment, getAttachment, deleteAttachment],
	defaultOperation: 'upload',
};
