import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_APPROVE_WORDS, DEFAULT_DECLINE_WORDS } from '../../../shared/keywords';
import { chatLocatorField } from '../common/chatLocator';
import { messageBodyFields, messageOptionsField } from '../common/messageContentFields';
import { recipientsField } from '../common/recipients';
import { waitLimitFields } from './waitLimit';

const onlyFor = (sendTo: string) => ({ show: { sendTo: [sendTo] } });
const onlyForType = (responseType: string) => ({ show: { responseType: [responseType] } });

/** The fields of Message → Send and Wait for Response. */
export const sendAndWaitFields: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		options: [
			{
				name: 'Phone Numbers or Emails',
				value: 'to',
				description: 'Linq picks the line and reuses or creates the chat',
			},
			{ name: 'Chat', value: 'chat', description: 'An existing chat' },
		],
		default: 'to',
	},
	{ ...recipientsField, displayOptions: onlyFor('to') },
	{ ...chatLocatorField, displayOptions: onlyFor('chat') },
	...messageBodyFields,
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		options: [
			{
				name: 'Reply',
				value: 'reply',
				description: "Wait for the recipient's next message in the chat",
			},
			{
				name: 'Approval Link',
				value: 'approval',
				description: 'Add links to the message; opening one resumes the workflow',
			},
		],
		default: 'reply',
	},
	{
		displayName: 'Approve Words',
		name: 'approveWords',
		type: 'string',
		default: DEFAULT_APPROVE_WORDS.join(', '),
		displayOptions: onlyForType('reply'),
		description:
			'A reply that is one of these words (ignoring case, punctuation and emoji) gives approved: true. Separate them with commas.',
	},
	{
		displayName: 'Decline Words',
		name: 'declineWords',
		type: 'string',
		default: DEFAULT_DECLINE_WORDS.join(', '),
		displayOptions: onlyForType('reply'),
		description:
			'A reply that is one of these words gives approved: false. STOP, UNSUBSCRIBE and the other opt-out keywords always decline, with opt_out: true.',
	},
	{
		displayName: 'Links',
		name: 'approvalLinks',
		type: 'options',
		options: [
			{ name: 'Approve Only', value: 'approve' },
			{ name: 'Approve and Decline', value: 'approveAndDecline' },
		],
		default: 'approveAndDecline',
		displayOptions: onlyForType('approval'),
		hint: 'Each link goes on its own line after the text. Keep the text short: SMS carriers filter messages with several links, so prefer Approve Only for SMS.',
	},
	{
		displayName: 'Approve Label',
		name: 'approveLabel',
		type: 'string',
		default: 'Approve',
		displayOptions: onlyForType('approval'),
		description: 'Written before the approve link, as in "Approve: https://…"',
	},
	{
		displayName: 'Decline Label',
		name: 'declineLabel',
		type: 'string',
		default: 'Decline',
		displayOptions: { show: { responseType: ['approval'], approvalLinks: ['approveAndDecline'] } },
		description: 'Written before the decline link',
	},
	...waitLimitFields,
	messageOptionsField({ replyTo: true, concurrency: false }),
];
