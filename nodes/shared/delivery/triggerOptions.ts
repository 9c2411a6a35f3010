import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { MediaDownloadOptions } from './downloadMedia';
import { handleSet, type FilterOptions } from './filterEvent';

export const DEFAULT_MAX_MEDIA_MB = 25;
export const DEFAULT_BINARY_PREFIX = 'attachment_';

export interface TriggerOptions {
	filter: FilterOptions;
	/** Undefined when Download Media is off. */
	media?: MediaDownloadOptions;
}

/** A trigger's parameters (Linq or Linq V2) as the pipeline uses them; V2 has no Lines. */
export function readTriggerOptions(this: IWebhookFunctions): TriggerOptions {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const filter: FilterOptions = {
		events: new Set(this.getNodeParameter('events', []) as string[]),
		lines: handleSet(this.getNodeParameter('lines', [])),
		allowedSenders: handleSet(options.allowedSenders),
		includeOwnOutbound: options.includeOwnOutbound === true,
		skipOptOuts: options.optOutMessages === 'skip',
	};
	if (options.downloadMedia !== true) return { filter };
	const maxMb =
		typeof options.maxMediaSizeMb === 'number' && options.maxMediaSizeMb > 0
			? options.maxMediaSizeMb
			: DEFAULT_MAX_MEDIA_MB;
	const prefix =
		typeof options.binaryPropertyPrefix === 'string' && options.binaryPropertyPrefix.trim() !== ''
			? options.binaryPropertyPrefix.trim()
			: DEFAULT_BINARY_PREFIX;
	return { filter, media: { maxBytes: Math.floor(maxMb * 1_048_576), prefix } };
}

/** Options both triggers offer, with the same meaning. */
const allowedSendersOption: INodeProperties = {
	displayName: 'Allowed Senders',
	name: 'allowedSenders',
	type: 'string',
	default: '',
	placeholder: '+15551234567, +15557654321',
	description:
		'Only inbound events from these handles start the workflow: E.164 numbers or iMessage emails, separated by commas. Empty or * allows everyone.',
};

const binaryPropertyPrefixOption: INodeProperties = {
	displayName: 'Binary Property Prefix',
	name: 'binaryPropertyPrefix',
	type: 'string',
	default: DEFAULT_BINARY_PREFIX,
	description:
		'Downloaded media go into binary properties named with this prefix and a number: attachment_0, attachment_1, …',
};

const downloadMediaOption: INodeProperties = {
	displayName: 'Download Media',
	name: 'downloadMedia',
	type: 'boolean',
	default: false,
	description:
		'Whether to download the images, videos and files of a message into binary data. A failed download is noted on the item; the event still arrives.',
};

const maxMediaSizeMbOption: INodeProperties = {
	displayName: 'Max Media Size (MB)',
	name: 'maxMediaSizeMb',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_MAX_MEDIA_MB,
	description: 'Larger files are not downloaded when Download Media is on; the item notes why',
};

const optOutMessagesOption: INodeProperties = {
	displayName: 'Opt-Out Messages',
	name: 'optOutMessages',
	type: 'options',
	options: [
		{
			name: 'Emit',
			value: 'emit',
			description: 'Start the workflow with opt_out set to true, so it can record the opt-out',
		},
		{
			name: 'Skip',
			value: 'skip',
			description: 'Do not start the workflow for STOP, UNSUBSCRIBE and the other opt-out words',
		},
	],
	default: 'emit',
	description:
		'What to do with a received message that is only an opt-out word (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT). Every item carries keyword, opt_out, opt_in and help.',
};

/** Include Own Outbound Messages, which readTriggerOptions reads; each API names its own events in it. */
export function includeOwnOutboundOption(description: string): INodeProperties {
	return {
		displayName: 'Include Own Outbound Messages',
		name: 'includeOwnOutbound',
		type: 'boolean',
		default: false,
		description,
	};
}

/** The Events field of a trigger, over the event types its API sends. */
export function eventsField(options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options,
		default: ['message.received'],
		description: 'The events that start the workflow. Linq sends only these to n8n.',
	};
}

/** A trigger's Options: the ones both triggers share and its own, alphabetical as n8n lists them. */
export function triggerOptionsCollection(own: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			allowedSendersOption,
			binaryPropertyPrefixOption,
			downloadMediaOption,
			maxMediaSizeMbOption,
			optOutMessagesOption,
			...own,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
