import type { INodePropertyOptions } from 'n8n-workflow';

/** The payload version our subscriptions ask for (`?version=` on the target URL); shapeEvent also reads the older one. */
export const WEBHOOK_VERSION = '2026-02-03';

export interface LinqEventType {
	value: string;
	name: string;
	description: string;
}

/**
 * Every event type Linq's V3 webhooks deliver (GET /v3/webhook-events). Each display name
 * starts with its group (Call, Chat, Location, Message, Participant, Phone Number, Reaction),
 * so the alphabetical list in the editor reads grouped.
 */
export const LINQ_EVENT_TYPES: readonly LinqEventType[] = [
	{
		value: 'message.received',
		name: 'Message Received',
		description: 'Someone sent a message to one of your lines',
	},
	{
		value: 'message.sent',
		name: 'Message Sent',
		description: 'A message from one of your lines left Linq',
	},
	{
		value: 'message.delivered',
		name: 'Message Delivered',
		description: "A message you sent reached the recipient's device",
	},
	{
		value: 'message.read',
		name: 'Message Read',
		description: 'The recipient read a message you sent (iMessage and RCS read receipts)',
	},
	{
		value: 'message.failed',
		name: 'Message Failed',
		description: 'A message you sent could not be delivered; the event carries the error code',
	},
	{
		value: 'message.edited',
		name: 'Message Edited',
		description: 'A text part of a message was edited',
	},
	{
		value: 'reaction.added',
		name: 'Reaction Added',
		description: 'Someone added a tapback, emoji or sticker reaction to a message',
	},
	{ value: 'reaction.removed', name: 'Reaction Removed', description: 'A reaction was taken back' },
	{
		value: 'participant.added',
		name: 'Participant Added',
		description: 'Someone joined a group chat',
	},
	{
		value: 'participant.removed',
		name: 'Participant Removed',
		description: 'Someone left or was removed from a group chat',
	},
	{
		value: 'chat.created',
		name: 'Chat Created',
		description: 'A new chat started on one of your lines',
	},
	{
		value: 'chat.group_name_updated',
		name: 'Chat Group Name Updated',
		description: 'A group chat was renamed',
	},
	{
		value: 'chat.group_icon_updated',
		name: 'Chat Group Icon Updated',
		description: "A group chat's picture changed",
	},
	{
		value: 'chat.group_name_update_failed',
		name: 'Chat Group Name Update Failed',
		description: 'Renaming a group chat did not work',
	},
	{
		value: 'chat.group_icon_update_failed',
		name: 'Chat Group Icon Update Failed',
		description: "Changing a group chat's picture did not work",
	},
	{
		value: 'chat.typing_indicator.started',
		name: 'Chat Typing Started',
		description: 'The other side started typing',
	},
	{
		value: 'chat.typing_indicator.stopped',
		name: 'Chat Typing Stopped',
		description: 'The other side stopped typing',
	},
	{
		value: 'phone_number.status_updated',
		name: 'Phone Number Status Updated',
		description: 'One of your lines changed status (active or flagged) or reputation',
	},
	{
		value: 'call.initiated',
		name: 'Call Initiated',
		description: 'A call on one of your lines started',
	},
	{ value: 'call.ringing', name: 'Call Ringing', description: 'A call is ringing' },
	{ value: 'call.answered', name: 'Call Answered', description: 'A call was answered' },
	{ value: 'call.ended', name: 'Call Ended', description: 'A call ended' },
	{ value: 'call.failed', name: 'Call Failed', description: 'A call could not be connected' },
	{ value: 'call.declined', name: 'Call Declined', description: 'A call was declined' },
	{ value: 'call.no_answer', name: 'Call No Answer', description: 'A call was not answered' },
	{
		value: 'location.sharing.started',
		name: 'Location Sharing Started',
		description: 'Someone started sharing their location in a chat',
	},
	{
		value: 'location.sharing.stopped',
		name: 'Location Sharing Stopped',
		description: 'Someone stopped sharing their location',
	},
];

export const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set(
	LINQ_EVENT_TYPES.map((event) => event.value),
);

export const EVENT_OPTIONS: INodePropertyOptions[] = [...LINQ_EVENT_TYPES]
	.sort((a, b) => a.name.localeCompare(b.name))
	.map(({ name, value, description }) => ({ name, value, description }));
