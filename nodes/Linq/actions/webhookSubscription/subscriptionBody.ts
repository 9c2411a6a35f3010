import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { isHttpsUrl } from '../../../shared/httpsUrl';
import { textValue } from '../../../shared/textValue';

function requireHttpsUrl(node: INode, value: unknown, itemIndex: number): string {
	const text = textValue(node, value, 'Target URL', itemIndex).trim();
	if (!isHttpsUrl(text)) {
		throw new NodeOperationError(
			node,
			text === '' ? 'Target URL is empty' : `Target URL "${text}" is not an HTTPS URL`,
			{
				itemIndex,
				description:
					'Linq only delivers to HTTPS addresses, like https://example.com/webhooks/linq.',
			},
		);
	}
	return text;
}

/** A multi-select gives an array; an expression may give an array or a comma-separated text. */
function toList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}

function requireEvents(node: INode, value: unknown, itemIndex: number): string[] {
	const events = toList(value);
	if (events.length === 0) {
		throw new NodeOperationError(node, 'Events is empty', {
			itemIndex,
			description: 'Choose at least one event type, such as message.received.',
		});
	}
	return events;
}

/**
 * The API body for the fields present in `fields` (node names: targetUrl, events, phoneNumbers,
 * isActive). An empty Phone Numbers list is sent as `null`, the SDK's value for "no line filter":
 * on update it removes the filter.
 */
export function subscriptionBody(node: INode, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	if (fields.targetUrl !== undefined) {
		body.target_url = requireHttpsUrl(node, fields.targetUrl, itemIndex);
	}
	if (fields.events !== undefined) {
		body.subscribed_events = requireEvents(node, fields.events, itemIndex);
	}
	if (fields.phoneNumbers !== undefined) {
		const lines = toList(fields.phoneNumbers).map((line) =>
			requireHandle(node, line, 'Phone Numbers', itemIndex),
		);
		body.phone_numbers = lines.length > 0 ? lines : null;
	}
	if (fields.isActive !== undefined) body.is_active = Boolean(fields.isActive);
	return body;
}
