import type { INodeProperties } from 'n8n-workflow';

import type { LinqResource } from '../../shared/operation';

/**
 * What an AI Agent's model reads about each operation when the node is its tool: one sentence,
 * what it does and what it needs. n8n otherwise describes a tool by its action name alone
 * ("Send a message in a chat in Linq"), which tells the model nothing about the chat ID.
 */
export const TOOL_DESCRIPTIONS: Readonly<Record<string, string>> = {
	'message.send':
		'Sends a text message to phone numbers (E.164, like +15551234567) or iMessage email addresses without a chat ID; needs the recipients and the text.',
	'message.sendInChat':
		'Sends a message into an existing conversation; needs the chat ID and the text to send.',
	'message.sendAndWait':
		'Sends a message and pauses the workflow until the person replies or taps an approval link; needs the chat or recipient and the text.',
	'message.get':
		'Gets one message with its text, reactions and delivery status; needs the message ID.',
	'message.getMany':
		'Lists the recent messages of a conversation, newest first; needs the chat ID.',
	'message.getThread':
		'Gets the reply thread a message belongs to; needs the ID of any message in the thread.',
	'message.edit':
		'Replaces the text of a message you sent (iMessage, up to 15 minutes after sending); needs the message ID and the new text.',
	'message.delete':
		"Deletes a message from Linq's records without unsending it from anyone's phone; needs the message ID.",
	'message.react':
		'Adds or removes a tapback (love, like, dislike, laugh, emphasize, question) on a message; needs the message ID and the reaction.',
	'message.updateAppCard':
		'Redraws an iMessage app card you sent with a new layout; needs the message ID of the card and a caption or image.',
	'chat.create':
		'Starts a new conversation from one of your Linq numbers with a first message; needs your number, the recipients and the text.',
	'chat.get': 'Gets the participants, service and health of a conversation; needs the chat ID.',
	'chat.getMany':
		"Lists conversations, optionally only those with one person's phone number or email; needs nothing else.",
	'chat.update':
		'Renames a group chat or changes its icon; needs the chat ID and the new name or icon URL.',
	'chat.markAsRead':
		'Marks every message of a conversation as read, sending read receipts; needs the chat ID.',
	'chat.leave':
		'Removes your number from an iMessage group chat of four or more people; needs the chat ID.',
	'chat.shareContactCard':
		'Shares your name and photo with the people in a conversation; needs the chat ID.',
	'chat.startTyping':
		'Shows the typing indicator in a one-to-one conversation until a message is sent; needs the chat ID.',
	'chat.stopTyping':
		'Hides the typing indicator in a one-to-one conversation, for when you decide not to reply; needs the chat ID.',
	'chat.sendVoiceMemo':
		'Sends an audio file as an iMessage voice memo; needs the chat ID and the URL of the audio file.',
	'chat.requestLocation':
		'Asks the person in a one-to-one iMessage conversation to share their location; needs the chat ID.',
	'chat.getLocation':
		'Gets the locations people share in a conversation, as longitude and latitude; needs the chat ID.',
	'attachment.upload':
		"Uploads a file from the workflow's binary data to reuse in messages; needs the name of the binary property that holds it.",
	'attachment.get':
		'Gets the name, type, size and download link of an uploaded file; needs the attachment ID.',
	'attachment.delete': 'Deletes an uploaded file from Linq for good; needs the attachment ID.',
	'phoneNumber.getMany':
		'Lists your Linq phone numbers with their health and call forwarding; needs nothing.',
	'phoneNumber.getBestLine':
		'Gets the Linq number best suited to text someone from, with a vCard link; needs nothing, optionally the recipients.',
	'phoneNumber.update':
		'Sets or clears where calls to one of your Linq numbers are forwarded; needs the phone number ID and the forwarding number.',
	'participant.add':
		'Adds a person to a group chat; needs the chat ID and their phone number or email.',
	'participant.remove':
		'Removes a person from a group chat that keeps at least three people; needs the chat ID and their phone number or email.',
	'capability.checkIMessage':
		'Checks whether a phone number or email address can receive iMessage, before sending; needs the address.',
	'capability.checkRcs':
		'Checks whether a phone number can receive RCS, before sending; needs the phone number.',
	'contactCard.create':
		'Sets up the name and photo iMessage recipients see for one of your numbers; needs your number and a first name.',
	'contactCard.get':
		'Gets the name and photo shared from your numbers; needs nothing, or one of your numbers.',
	'contactCard.update':
		'Changes the name or photo shared from one of your numbers; needs your number and the new values.',
	'webhookSubscription.create':
		'Makes Linq post chosen events to an HTTPS URL and returns the signing secret once; needs the URL and the event types.',
	'webhookSubscription.delete': 'Stops a webhook subscription for good; needs the subscription ID.',
	'webhookSubscription.get':
		'Gets the URL, events and status of a webhook subscription; needs the subscription ID.',
	'webhookSubscription.getMany': 'Lists every webhook subscription of the account; needs nothing.',
	'webhookSubscription.getEventTypes':
		'Lists the event types a webhook subscription can receive; needs nothing.',
	'webhookSubscription.update':
		'Changes the URL, events or line filter of a webhook subscription, or pauses it; needs the subscription ID and what to change.',
};

/**
 * One Tool Description field per operation, shown only on the tool variant of the node
 * (`@tool`). Because the node has a field of that name, n8n adds none of its own and gives the
 * model this text, which the user can still edit (docs/design.md, "Tool descriptions").
 */
export function toolDescriptionProperties(resources: LinqResource[]): INodeProperties[] {
	return resources.flatMap((resource) =>
		resource.operations.map((operation): INodeProperties => {
			// Empty, n8n falls back to the action name; a unit test keeps every operation covered.
			const sentence = TOOL_DESCRIPTIONS[`${resource.value}.${operation.value}`] ?? '';
			return {
				displayName: 'Tool Description',
				name: 'toolDescription',
				type: 'string',
				typeOptions: { rows: 2 },
				default: sentence,
				description: 'What the AI model reads about this tool. Say what it does and what it needs.',
				displayOptions: {
					show: { '@tool': [true], resource: [resource.value], operation: [operation.value] },
				},
			};
		}),
	);
}
