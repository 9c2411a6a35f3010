import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_BINARY_PREFIX, DEFAULT_MAX_MEDIA_MB } from '../shared/delivery/triggerOptions';
import { V2_EVENT_OPTIONS } from '../shared/v2/events';

export const v2TriggerProperties: INodeProperties[] = [
	{
		displayName:
			"For accounts on Linq's legacy V2 API (integration tokens). Linq must reach this workflow over public HTTPS: behind a proxy or tunnel, set the WEBHOOK_URL environment variable to its public address.",
		name: 'publicUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: V2_EVENT_OPTIONS,
		default: ['message.received'],
		description: 'The events that start the workflow. Linq sends only these to n8n.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allowed Senders',
				name: 'allowedSenders',
				type: 'string',
				default: '',
				placeholder: '+15551234567, +15557654321',
				description:
					'Only inbound events from these handles start the workflow: E.164 numbers or iMessage emails, separated by commas. Empty or * allows everyone.',
			},
			{
				displayName: 'Binary Property Prefix',
				name: 'binaryPropertyPrefix',
				type: 'string',
				default: DEFAULT_BINARY_PREFIX,
				description:
					'Downloaded attachments go into binary properties named with this prefix and a number: attachment_0, attachment_1, …',
			},
			{
				displayName: 'Download Media',
				name: 'downloadMedia',
				type: 'boolean',
				default: false,
				description:
					'Whether to download the attachments of a message into binary data. A failed download is noted on the item; the event still arrives.',
			},
			{
				displayName: 'Include Own Outbound Messages',
				name: 'includeOwnOutbound',
				type: 'boolean',
				default: false,
				description:
					'Whether messages and reactions from your own lines (is_from_me) also start the workflow. Off, a reply your workflow sends cannot start it again. Message Sent and Reaction Sent always arrive when chosen.',
			},
			{
				displayName: 'Max Media Size (MB)',
				name: 'maxMediaSizeMb',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_MEDIA_MB,
				description:
					'Larger files are not downloaded when Download Media is on; the item notes why',
			},
			{
				displayName: 'Opt-Out Messages',
				name: 'optOutMessages',
				type: 'options',
				options: [
					{
						name: 'Emit',
						value: 'emit',
						description: 'Start the workflow, with opt_out true on the item',
					},
					{
						name: 'Skip',
						value: 'skip',
						description: 'Do not start the workflow for STOP and the other opt-out keywords',
					},
				],
				default: 'emit',
				description: 'What to do with an inbound STOP, UNSUBSCRIBE and the like',
			},
		],
	},
];
