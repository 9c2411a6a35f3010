import type { INodeProperties } from 'n8n-workflow';

import { EVENT_OPTIONS } from '../shared/delivery/events';
import { DEFAULT_BINARY_PREFIX, DEFAULT_MAX_MEDIA_MB } from '../shared/delivery/triggerOptions';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Linq must reach this workflow over public HTTPS. If n8n runs behind a proxy or tunnel, set the WEBHOOK_URL environment variable to its public address.',
		name: 'publicUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: EVENT_OPTIONS,
		default: ['message.received'],
		description: 'The events that start the workflow. Linq sends only these to n8n.',
	},
	{
		displayName: 'Lines Names or IDs',
		name: 'lines',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
		default: [],
		description:
			'Your Linq numbers to listen on. Leave empty for all of them. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
					'Downloaded media go into binary properties named with this prefix and a number: attachment_0, attachment_1, …',
			},
			{
				displayName: 'Download Media',
				name: 'downloadMedia',
				type: 'boolean',
				default: false,
				description:
					'Whether to download the images, videos and files of a message into binary data. A failed download is noted on the item; the event still arrives.',
			},
			{
				displayName: 'Include Own Outbound Messages',
				name: 'includeOwnOutbound',
				type: 'boolean',
				default: false,
				description:
					'Whether messages, edits and reactions sent from your own lines also start the workflow. Off, a reply your workflow sends cannot start it again. Sent, Delivered, Read and Failed events always arrive when chosen.',
			},
			{
				displayName: 'Mark as Read on Receipt',
				name: 'markAsReadOnReceipt',
				type: 'boolean',
				default: false,
				description:
					'Whether to mark the chat read (sending a read receipt where the service has them) as soon as a received message starts the workflow. A failure is noted on the item in on_receipt_errors.',
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
						description:
							'Start the workflow with opt_out set to true, so it can record the opt-out',
					},
					{
						name: 'Skip',
						value: 'skip',
						description:
							'Do not start the workflow for STOP, UNSUBSCRIBE and the other opt-out words',
					},
				],
				default: 'emit',
				description:
					'What to do with a received message that is only an opt-out word (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT). Every item carries keyword, opt_out, opt_in and help.',
			},
			{
				displayName: 'Show Typing on Receipt',
				name: 'showTypingOnReceipt',
				type: 'boolean',
				default: false,
				description:
					'Whether to show the typing indicator in the chat as soon as a received message starts the workflow, until your workflow sends its reply. Direct chats only: group chats are skipped. A failure is noted on the item in on_receipt_errors.',
			},
		],
	},
];
