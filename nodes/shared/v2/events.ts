import type { INodePropertyOptions } from 'n8n-workflow';

/** The event types a V2 webhook subscription can carry, from Linq's V2 webhook reference. */
export const V2_EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Call Completed',
		value: 'call.completed',
		description: 'A voice call ended, with its recording and transcript when there is one',
	},
	{
		name: 'Contact Created',
		value: 'contact.created',
		description: 'A contact was created through the API',
	},
	{
		name: 'Contact Deleted',
		value: 'contact.deleted',
		description: 'A contact was deleted through the API (only its ID is sent)',
	},
	{
		name: 'Contact Updated',
		value: 'contact.updated',
		description: 'A contact was updated through the API',
	},
	{ name: 'Message Read', value: 'message.read', description: 'Messages were marked as read' },
	{
		name: 'Message Received',
		value: 'message.received',
		description: 'Someone sent a message to one of your lines',
	},
	{
		name: 'Message Sent',
		value: 'message.sent',
		description: 'A message went out from one of your lines',
	},
	{
		name: 'Participant Added',
		value: 'participant.added',
		description: 'Someone was added to a group chat',
	},
	{
		name: 'Participant Removed',
		value: 'participant.removed',
		description: 'Someone left or was removed from a group chat',
	},
	{
		name: 'Reaction Received',
		value: 'reaction.received',
		description: 'Someone reacted to a message',
	},
	{
		name: 'Reaction Sent',
		value: 'reaction.sent',
		description: 'One of your lines reacted to a message',
	},
	{
		name: 'Typing Started',
		value: 'typing_indicator.received',
		description: 'The other person started typing',
	},
	{
		name: 'Typing Stopped',
		value: 'typing_indicator.removed',
		description: 'The other person stopped typing',
	},
];

export const V2_EVENT_TYPES: ReadonlySet<string> = new Set(
	V2_EVENT_OPTIONS.map((option) => String(option.value)),
);
