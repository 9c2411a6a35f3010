import type { INodeProperties } from 'n8n-workflow';

import { appCardField } from './appCard';
import { concurrencyOption, optionsField } from '../../../shared/fields';
import { pacingOption } from './pacing';
import { smsSafetyOptions } from './smsSafety';
import { stopTypingOption } from './stopTyping';

const SCREEN_EFFECTS = [
	'balloons',
	'celebration',
	'confetti',
	'echo',
	'fireworks',
	'happy_birthday',
	'hearts',
	'lasers',
	'love',
	'sparkles',
	'spotlight',
];
const BUBBLE_EFFECTS = ['gentle', 'invisible', 'loud', 'slam'];

function effectName(name: string): string {
	return name
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

const effectOptions = [
	...BUBBLE_EFFECTS.map((name) => ({
		name: `Bubble: ${effectName(name)}`,
		value: `bubble:${name}`,
	})),
	...SCREEN_EFFECTS.map((name) => ({
		name: `Screen: ${effectName(name)}`,
		value: `screen:${name}`,
	})),
];

/** Text, media and link: what a message says. */
export const messageBodyFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description:
			'The message text, up to 10,000 characters. Sent as-is: Markdown is not rendered. Can be left empty when sending media.',
	},
	{
		displayName: 'Media',
		name: 'media',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Media',
		default: {},
		description:
			'Images, videos, audio or documents, in this order, after the text unless Options → Media Position says before. Binary files are uploaded to Linq first (up to 100 MB each).',
		options: [
			{
				displayName: 'Media',
				name: 'mediaValues',
				values: [
					{
						displayName: 'Source',
						name: 'source',
						type: 'options',
						options: [
							{
								name: 'URL',
								value: 'url',
								description: 'A public https:// address; Linq downloads it (up to 10 MB)',
							},
							{
								name: 'Binary Property',
								value: 'binary',
								description: 'A file from the input item, uploaded to Linq (up to 100 MB)',
							},
							{
								name: 'Attachment ID',
								value: 'attachment',
								description:
									'A file already uploaded with Attachment → Upload, sent again without uploading',
							},
						],
						default: 'url',
					},
					{
						displayName: 'Media URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/photo.jpg',
						displayOptions: { show: { source: ['url'] } },
					},
					{
						displayName: 'Binary Property',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						description: 'Name of the input binary property that holds the file',
						displayOptions: { show: { source: ['binary'] } },
					},
					{
						displayName: 'Attachment ID',
						name: 'attachmentId',
						type: 'string',
						default: '',
						placeholder: 'e.g. abc12345-1234-5678-9abc-def012345678',
						description: 'The attachment_id output by Attachment → Upload',
						displayOptions: { show: { source: ['attachment'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Link',
		name: 'link',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/article',
		description:
			'A URL sent as a rich preview card. It must be sent alone: leave Text and Media empty. To send a URL without a card, put it in Text.',
	},
	appCardField,
];

export interface MessageOptionsFlags {
	/** Reply To makes no sense for the first message of a new chat. */
	replyTo: boolean;
	/** Failover text exists only on the send without a chat. */
	continuation?: boolean;
	/** Concurrency and Pacing, left out where the node handles one item only (Send and Wait). */
	concurrency?: boolean;
	/** Stop Typing instead of sending nothing: only answers to a chat have a typing indicator. */
	stopTyping?: boolean;
}

/** The Options collection of a send. */
export function messageOptionsField(flags: MessageOptionsFlags): INodeProperties {
	const options: INodeProperties[] = [
		...(flags.concurrency === false ? [] : [concurrencyOption, pacingOption]),
		...smsSafetyOptions,
		{
			displayName: 'Effect',
			name: 'effect',
			type: 'options',
			options: effectOptions,
			default: 'screen:confetti',
			description: 'An iMessage bubble or full-screen effect. Other services ignore it.',
		},
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			description:
				'Linq sends a message only once per key, up to 255 characters. When empty, the node derives one from the execution and item, so retries never send twice.',
		},
		{
			displayName: 'Text Formatting',
			name: 'textFormat',
			type: 'options',
			options: [
				{ name: 'Plain Text', value: 'plain', description: 'Text is sent exactly as written' },
				{
					name: 'Markup',
					value: 'markup',
					description:
						'*bold* _italic_ __underline__ ~strikethrough~ and [shake]animations[/shake] become iMessage text decorations',
				},
			],
			default: 'plain',
			description:
				'Markup styles words in iMessage: *bold*, _italic_, __underline__, ~strikethrough~, and the animations [big] [small] [shake] [nod] [explode] [ripple] [bloom] [jitter] closed by [/big] and so on. The markers are removed; other services get the plain text. Write \\* for a literal *.',
		},
		{
			displayName: 'Media Position',
			name: 'mediaPosition',
			type: 'options',
			options: [
				{ name: 'After Text', value: 'after' },
				{ name: 'Before Text', value: 'before' },
			],
			default: 'after',
			description: 'Whether the media come before or after the text in the message',
		},
		{
			displayName: 'Preferred Service',
			name: 'preferredService',
			type: 'options',
			options: [
				{ name: 'Auto', value: '', description: 'Try iMessage, then RCS, then SMS' },
				{ name: 'iMessage', value: 'iMessage' },
				{ name: 'RCS', value: 'RCS' },
				{ name: 'SMS', value: 'SMS' },
			],
			default: '',
			description: 'The service to try first',
		},
	];
	if (flags.continuation) {
		options.push({
			displayName: 'Failover Text',
			name: 'continuationText',
			type: 'string',
			default: '',
			description:
				'Sent instead of the message when Linq has to move the conversation to a fresh line because the old one was flagged. Text only.',
		});
	}
	if (flags.stopTyping) options.push(stopTypingOption);
	if (flags.replyTo) {
		options.push(
			{
				displayName: 'Reply To Message ID',
				name: 'replyToMessageId',
				type: 'string',
				default: '',
				description: 'Send as a threaded reply to this message',
			},
			{
				displayName: 'Reply To Part Index',
				name: 'replyToPartIndex',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Which part of the replied-to message to reply to, counting from 0',
			},
		);
	}
	return optionsField(options);
}
