import type { INodeProperties } from 'n8n-workflow';

import {
	eventsField,
	includeOwnOutboundOption,
	triggerOptionsCollection,
} from '../shared/delivery/triggerOptions';
import { V2_EVENT_OPTIONS } from '../shared/v2/events';

export const v2TriggerProperties: INodeProperties[] = [
	{
		displayName:
			"For accounts on Linq's legacy V2 API (integration tokens). Linq must reach this workflow over public HTTPS: behind a proxy or tunnel, set the WEBHOOK_URL environment variable to its public address.",
		name: 'publicUrlNotice',
		type: 'notice',
		default: '',
	},
	eventsField(V2_EVENT_OPTIONS),
	triggerOptionsCollection([
		includeOwnOutboundOption(
			'Whether messages and reactions from your own lines (is_from_me) also start the workflow. Off, a reply your workflow sends cannot start it again. Message Sent and Reaction Sent always arrive when chosen.',
		),
	]),
];
