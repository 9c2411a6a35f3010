import { NodeOperationError, type INode } from 'n8n-workflow';

import { E164_EXAMPLE, parseHandle, requireHandle } from '../../shared/handles';
import { textValue } from '../../shared/textValue';

/**
 * Phone numbers are checked as for V3 and sent in E.164. V2 itself puts +1 in front of
 * anything without a country code; a national number from elsewhere (UK 07700 900123) would
 * then text a stranger, so it is refused here instead, as in the V3 node.
 */
export function requireV2Phone(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	const text = textValue(node, value, field, itemIndex);
	if (text.includes('@')) {
		throw new NodeOperationError(node, `${field} must be a phone number, not an email address`, {
			itemIndex,
			description: `Use the form ${E164_EXAMPLE}.`,
		});
	}
	return requireHandle(node, text, field, itemIndex);
}

/** A phone number when one is given, else undefined; refused when it is not one. */
export function optionalV2Phone(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string | undefined {
	const text = textValue(node, value, field, itemIndex).trim();
	return text === '' ? undefined : requireV2Phone(node, text, field, itemIndex);
}

const EMAIL_LENGTH = 254;

/** An email address when one is given, lower-cased, else undefined. */
export function optionalEmail(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string | undefined {
	const text = textValue(node, value, field, itemIndex).trim();
	if (text === '') return undefined;
	const parsed = text.length <= EMAIL_LENGTH && text.includes('@') ? parseHandle(text) : undefined;
	if (!parsed?.ok) {
		throw new NodeOperationError(node, `${field} "${text.slice(0, 100)}" is not an email address`, {
			itemIndex,
		});
	}
	return parsed.handle;
}
