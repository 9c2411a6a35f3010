import type { IDataObject } from 'n8n-workflow';

import { classifyKeyword } from '../shared/keywords';
import type { LinqEvent } from '../shared/delivery/parseEvent';
import {
	record,
	text,
	type Loose,
	type MediaRef,
	type ShapedEvent,
} from '../shared/delivery/shapeEvent';

/**
 * One output item of the V2 trigger: the top-level fields of the Linq Trigger's items, read from
 * V2's payloads (null where an event does not carry them), plus what only V2 sends.
 */
export interface V2ShapedEvent extends ShapedEvent {
	/** The other people of the chat (from `chat_handles`). */
	participants: string[];
	reaction: string | null;
	reaction_id: string | null;
	read_at: string | null;
	/** True when typing started, false when it stopped; null for other events. */
	typing: boolean | null;
	call_status: string | null;
	call_duration: number | null;
	recording_url: string | null;
	transcript: string | null;
	call_summary: string | null;
	/** The contact of a contact.* event (contact.deleted carries only its ID). */
	contact: IDataObject | null;
	contact_id: string | null;
	/** Who joined or left, on participant.* events. */
	participant: string | null;
}

/** V2 writes IDs as numbers in some payloads and as strings in others; items always hold text. */
function id(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return text(value);
}

function numberOf(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

interface Handle {
	identifier: string;
	isMe: boolean;
}

function handlesOf(data: Loose): Handle[] {
	if (!Array.isArray(data.chat_handles)) return [];
	const handles: Handle[] = [];
	for (const entry of data.chat_handles) {
		const identifier = text(record(entry)?.identifier);
		if (identifier) handles.push({ identifier, isMe: record(entry)?.is_me === true });
	}
	return handles;
}

const OUTBOUND_TYPES = new Set(['message.sent', 'reaction.sent']);
const INBOUND_TYPES = new Set([
	'message.received',
	'reaction.received',
	'typing_indicator.received',
	'typing_indicator.removed',
]);

function directionOf(eventType: string, data: Loose): 'inbound' | 'outbound' | null {
	if (typeof data.is_from_me === 'boolean') return data.is_from_me ? 'outbound' : 'inbound';
	if (OUTBOUND_TYPES.has(eventType)) return 'outbound';
	if (INBOUND_TYPES.has(eventType)) return 'inbound';
	if (data.direction === 'inbound' || data.direction === 'outbound') return data.direction;
	return null;
}

function mediaOf(data: Loose): MediaRef[] {
	if (!Array.isArray(data.attachments)) return [];
	const media: MediaRef[] = [];
	for (const entry of data.attachments) {
		const attachment = record(entry);
		if (typeof attachment?.url !== 'string') continue;
		media.push({
			url: attachment.url,
			mime_type: text(attachment.mime_type),
			filename: text(attachment.filename),
			size_bytes: numberOf(attachment.file_size),
		});
	}
	return media;
}

export function shapeV2Event(event: LinqEvent, webhookId: string | null = null): V2ShapedEvent {
	const data = event.data as Loose;
	const eventType = event.event_type;
	const family = eventType.slice(0, eventType.indexOf('.'));
	const direction = directionOf(eventType, data);
	const handles = handlesOf(data);
	const others = handles.filter((handle) => !handle.isMe).map((handle) => handle.identifier);
	const me = handles.find((handle) => handle.isMe)?.identifier ?? null;

	const call = family === 'call';
	const from =
		text(record(data.chat_handle)?.identifier) ??
		text(data.from_phone) ??
		text(data.from) ??
		(family === 'typing_indicator' ? (others[0] ?? null) : null);
	const line = me ?? (call ? text(direction === 'outbound' ? data.from : data.to) : null);
	const to =
		direction === 'inbound'
			? line
			: direction === 'outbound'
				? ((others.length === 1 ? others[0] : null) ?? text(data.to))
				: null;
	const messageText = family === 'message' ? text(data.text) : null;
	const flags = classifyKeyword(direction === 'inbound' ? messageText : null);
	const recording = record(data.recording_data);
	const contactEvent = family === 'contact';

	return {
		event_type: eventType,
		event_id: text(event.event_id),
		webhook_id: webhookId,
		created_at: text(event.created_at),
		trace_id: null,
		webhook_version: text(event.api_version),
		chat_id: id(data.chat_id),
		message_id:
			family === 'message'
				? id(data.id)
				: family === 'reaction'
					? (id(data.chat_message_id) ?? id(record(data.associated_message)?.id))
					: null,
		from,
		to,
		line,
		text: messageText,
		media: family === 'message' ? mediaOf(data) : [],
		service: text(data.service),
		direction,
		is_group: handles.length > 0 ? others.length > 1 : null,
		keyword: flags.keyword,
		opt_out: flags.opt_out,
		opt_in: flags.opt_in,
		help: flags.help,
		participants: others,
		reaction: family === 'reaction' ? text(data.reaction) : null,
		reaction_id: family === 'reaction' ? id(data.id) : id(data.reaction_id),
		read_at: text(data.read_at),
		typing: family === 'typing_indicator' ? eventType === 'typing_indicator.received' : null,
		call_status: call ? text(data.status) : null,
		call_duration: call ? numberOf(data.duration) : null,
		recording_url: text(recording?.url),
		transcript: text(recording?.transcription),
		call_summary: text(recording?.summary),
		contact: contactEvent ? (data as IDataObject) : null,
		contact_id: contactEvent ? id(data.id) : null,
		participant:
			family === 'participant'
				? (text(data.identifier) ??
					text(record(data.chat_handle)?.identifier) ??
					text(data.phone_number) ??
					text(data.handle))
				: null,
		data: event.data,
	};
}
