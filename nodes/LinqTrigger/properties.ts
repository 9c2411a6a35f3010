import type { INodeProperties } from 'n8n-workflow';

import { EVENT_OPTIONS } from '../shared/delivery/events';
import {
	eventsField,
	includeOwnOutboundOption,
	triggerOptionsCollection,
} from '../shared/delivery/triggerOptions';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Linq must reach this workflow over public HTTPS. If n8n runs behind a proxy or tunnel, set the WEBHOOK_URL environment variable to its public address.',
		name: 'publicUrlNotice',
		type: 'notice',
		default: '',
	},
	eventsField(EVENT_OPTIONS),
	{
		displayName: 'Lines Names or IDs',
		name: 'lines',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
		default: [],
		description:
			'Your Linq numbers to listen on. Leave empty for all of them. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	triggerOptionsCollection([
		includeOwnOutboundOption(
			'Whether messages, edits and reactions sent from your own lines also start the workflow. Off, a reply your workflow sends cannot start it again. Sent, Delivered, Read and Failed events always arrive when chosen.',
		),
		{
			displayName: 'Mark as Read on Receipt',
			name: 'markAsReadOnReceipt',
			type: 'boolean',
			default: false,
			description:
				'Whether to mark the chat read (sending a read receipt where the service has them) as soon as a received message starts the workflow. A failure is noted on the item in on_receipt_errors.',
		},
		{
			displayName: 'Show Typing on Receipt',
			name: 'showTypingOnReceipt',
			type: 'boolean',
			default: false,
			description:
				'Whether to show the typing indicator in the chat as soon as a received message starts the workflow, until your workflow sends its reply. Direct chats only: group chats are skipped. A failure is noted on the item in on_receipt_errors.',
		},
	]),
];
