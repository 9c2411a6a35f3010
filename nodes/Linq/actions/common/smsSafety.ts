import {
	NodeOperationError,
	type IDataObject,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';

import { analyzeSms, MAX_RELIABLE_SEGMENTS, type SmsAnalysis } from '../../../shared/smsAnalysis';
import type { MessageContentInput } from './messageContent';

export type SmsSafety = 'warn' | 'block' | 'off';
export type SmsRule = 'segments' | 'urls' | 'shorteners';

export const smsSafetyOptions: INodeProperties[] = [
	{
		displayName: 'SMS Safety',
		name: 'smsSafety',
		type: 'options',
		options: [
			{
				name: 'Warn',
				value: 'warn',
				description: 'Add the SMS analysis with its warnings to the output as sms',
			},
			{
				name: 'Block',
				value: 'block',
				description:
					'Refuse, before anything is sent, a message with Preferred Service SMS that breaks one of the SMS Block Rules',
			},
			{ name: 'Off', value: 'off', description: 'No analysis' },
		],
		default: 'warn',
		description:
			"Check the message against Linq's SMS best practices (segments, encoding, links). Block applies to Preferred Service SMS; on Auto, Linq may still fall back to SMS, so read the warnings.",
	},
	{
		displayName: 'SMS Block Rules',
		name: 'smsBlockRules',
		type: 'multiOptions',
		options: [
			{ name: 'More Segments than SMS Max Segments', value: 'segments' },
			{ name: 'More than One Link', value: 'urls' },
			{ name: 'A Link Shortener', value: 'shorteners' },
		],
		default: ['segments', 'urls', 'shorteners'],
		description: 'What makes SMS Safety Block refuse a message',
		displayOptions: { show: { smsSafety: ['block'] } },
	},
	{
		displayName: 'SMS Max Segments',
		name: 'smsMaxSegments',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: MAX_RELIABLE_SEGMENTS,
		description:
			'The most SMS segments a message may take under Block (160 GSM-7 or 70 UCS-2 characters fit in one). Linq advises 1; above 6 messages fail very often.',
		displayOptions: { show: { smsSafety: ['block'] } },
	},
];

/** The text carriers would see: the text part, or the link sent alone. */
function smsText(input: MessageContentInput): string {
	return input.link.trim() || input.text;
}

/** A broken rule, in words that name the field to change, or undefined. */
export function brokenSmsRule(
	analysis: SmsAnalysis,
	rules: SmsRule[],
	maxSegments: number,
): string | undefined {
	if (rules.includes('segments') && analysis.segments > maxSegments) {
		return `Text would go as ${analysis.segments} SMS segments (${analysis.units} characters in ${analysis.encoding}); SMS Safety blocks more than ${maxSegments}`;
	}
	if (rules.includes('urls') && analysis.urls > 1) {
		return `Text holds ${analysis.urls} links; SMS Safety blocks more than one per SMS`;
	}
	if (rules.includes('shorteners') && analysis.shorteners.length > 0) {
		return `Text links through the shortener ${analysis.shorteners.join(', ')}, which SMS Safety blocks`;
	}
	return undefined;
}

/**
 * The `sms` analysis of a send under Options → SMS Safety, or undefined when it is Off. Under
 * Block, a message with Preferred Service SMS that breaks a chosen rule is refused here, before
 * any upload or send.
 */
export function checkSmsSafety(
	node: INode,
	input: MessageContentInput,
	options: IDataObject,
	itemIndex: number,
): SmsAnalysis | undefined {
	const safety = (options.smsSafety ?? 'warn') as SmsSafety;
	// An app card is iMessage only: never an SMS.
	if (safety === 'off' || input.appCard) return undefined;
	const analysis = analyzeSms(smsText(input), input.media.length);
	if (safety !== 'block' || input.preferredService !== 'SMS') return analysis;
	const rules = Array.isArray(options.smsBlockRules)
		? (options.smsBlockRules as SmsRule[])
		: (['segments', 'urls', 'shorteners'] as SmsRule[]);
	const maxSegments = Math.max(1, Number(options.smsMaxSegments ?? MAX_RELIABLE_SEGMENTS) || 1);
	const broken = brokenSmsRule(analysis, rules, maxSegments);
	if (broken) {
		throw new NodeOperationError(node, broken, {
			itemIndex,
			description: `Nothing was sent. Change the Text of item ${itemIndex}, send it by iMessage or RCS (Preferred Service), or relax Options → SMS Safety.`,
		});
	}
	return analysis;
}
