import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requireHandles } from '../../../shared/handles';
import { LIMITS } from './limits';

/** The `to` handles of a send: one is a direct chat, several a group of up to 31. */
export function readRecipients(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const node = ctx.getNode();
	const handles = [
		...new Set(requireHandles(node, ctx.getNodeParameter('to', itemIndex), 'To', itemIndex)),
	];
	if (handles.length > LIMITS.recipients) {
		throw new NodeOperationError(
			node,
			`To has ${handles.length} recipients; a Linq chat has at most ${LIMITS.recipients}`,
			{ itemIndex, description: 'Split the recipients across several sends.' },
		);
	}
	return handles;
}

export const recipientsField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+15551234567',
	description:
		'Phone numbers in E.164 format (+15551234567) or iMessage email addresses, separated by commas. One recipient is a direct chat; several (up to 31) make a group chat.',
};
