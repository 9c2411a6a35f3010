import type { IDataObject } from 'n8n-workflow';

import { classifyKeyword, type CarrierKeyword } from '../keywords';
import type { LinqEvent } from './parseEvent';

export interface MediaRef extends IDataObject {
	url: string;
	mime_type: string | null;
	filename: string | null;
	size_bytes: number | null;
}

/**
 * One output item. The convenience fields are the same for both payload versions
 * (`?version=2026-02-03` and the older 2025-01-01 one) and null when an event type does
 * not carry them; `data` is the event's payload untouched.
 */
export interface ShapedEvent extends IDataObject {
	event_type: string;
	event_id: string | null;
	/** The Standard Webhooks `webhook-id` of the delivery; null when it came with legacy headers only. */
	webhook_id: string | null;
	created_at: string | null;
	trace_id: string | null;
	webhook_version: string | null;
	chat_id: string | null;
	message_id: string | null;
	from: string | null;
	to: string | null;
	/** Your own number the event happened on. */
	line: string | null;
	text: string | null;
	media: MediaRef[];
	service: string | null;
	direction: 'inbound' | 'outbound' | null;
	is_group: boolean | null;
	/** The carrier keyword an inbound text is as a whole (keywords.ts); null and false otherwise. */
	keyword: CarrierKeyword | null;
	opt_out: boolean;
	opt_in: boolean;
	help: boolean;
	data: IDataObject;
}

/** A payload object read field by field; the readers below tolerate any value in any field. */
export type Loose = Record<string, unknown>;

/** The value as an object, or undefined for anything else (null, arrays, scalars). */
export function record(value: unknown): Loose | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Loose)
		: undefined;
}

/** The value when it is non-empty text, else null: items hold null, never '' or a stray type. */
export function text(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

function handleOf(value: unknown): string | null {
	return text(record(value)?.handle);
}

function directionOf(data: Loose): 'inbound' | 'outbound' | null {
	if (data.direction === 'inbound' || data.direction === 'outbound') return data.direction;
	if (typeof data.is_from_me === 'boolean') return data.is_from_me ? 'outbound' : 'inbound';
	return null;
}

function partsOf(data: Loose, message: Loose | undefined): unknown[] {
	if (Array.isArray(data.parts)) return data.parts;
	if (message && Array.isArray(message.parts)) return message.parts;
	return [];
}

/** Text parts joined by newlines, and the media parts, in one pass over the parts. */
function readParts(parts: unknown[], data: Loose): { text: string | null; media: MediaRef[] } {
	let joined: string | null = null;
	const media: MediaRef[] = [];
	for (const part of parts) {
		const entry = record(part);
		if (entry?.type === 'text' && typeof entry.value === 'string') {
			joined = joined === null ? entry.value : `${joined}\n${entry.value}`;
		} else if (entry?.type === 'media' && typeof entry.url === 'string') {
			media.push({
				url: entry.url,
				mime_type: text(entry.mime_type),
				filename: text(entry.filename),
				size_bytes: typeof entry.size_bytes === 'number' ? entry.size_bytes : null,
			});
		}
	}
	// message.edited carries the new text of the one edited part.
	return { text: joined ?? text(record(data.part)?.text), media };
}

/**
 * Message ids: the 2026-02-03 message payload is the message itself (`data.id`), the older
 * one nests it (`data.message.id`); reactions and failures point at one (`data.message_id`).
 * For chat.created `data.id` is the chat, so it only counts on message events.
 */
function messageIdOf(eventType: string, data: Loose, message: Loose | undefined): string | null {
	return (
		text(message?.id) ??
		text(data.message_id) ??
		(eventType.startsWith('message.') ? text(data.id) : null)
	);
}

export function shapeEvent(event: LinqEvent, webhookId: string | null = null): ShapedEvent {
	const data = event.data as Loose;
	const message = record(data.message);
	const chat = record(data.chat);
	const eventType = event.event_type;
	const direction = directionOf(data);
	const content = readParts(partsOf(data, message), data);

	const from =
		handleOf(data.sender_handle) ??
		handleOf(data.from_handle) ??
		text(data.from) ??
		handleOf(data.changed_by_handle);
	const ownerHandle = handleOf(chat?.owner_handle);
	const recipientPhone = text(data.recipient_phone);
	const line =
		ownerHandle ?? (direction === 'outbound' ? from : recipientPhone) ?? text(data.phone_number);
	const to =
		direction === 'inbound'
			? line
			: ((direction === 'outbound' ? recipientPhone : null) ?? text(data.to));

	// Whatever the service: carriers act on SMS keywords, but a person who writes STOP over
	// iMessage or RCS asks for the same thing.
	const flags = classifyKeyword(direction === 'inbound' ? content.text : null);

	return {
		event_type: eventType,
		event_id: text(event.event_id),
		webhook_id: webhookId,
		created_at: text(event.created_at),
		trace_id: text(event.trace_id),
		webhook_version: text(event.webhook_version),
		chat_id:
			text(chat?.id) ?? text(data.chat_id) ?? (eventType === 'chat.created' ? text(data.id) : null),
		message_id: messageIdOf(eventType, data, message),
		from,
		to,
		line,
		text: content.text,
		media: content.media,
		service: text(data.service) ?? text(message?.service),
		direction,
		is_group:
			typeof chat?.is_group === 'boolean'
				? chat.is_group
				: typeof data.is_group === 'boolean'
					? data.is_group
					: null,
		keyword: flags.keyword,
		opt_out: flags.opt_out,
		opt_in: flags.opt_in,
		help: flags.help,
		data: event.data,
	};
}
