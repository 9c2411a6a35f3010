'use strict';
/**
 * The Linq Partner API V3 request contract as strict zod schemas, one per endpoint, written from
 * the SDK's parameter types (node_modules/@linqapp/sdk/src/resources/). The fake Linq checks
 * every request against it, so a request any test makes with an unknown or missing field, or a
 * field of the wrong type, is answered with 400 and the zod issues instead of being served.
 *
 * The lists of allowed values (event types, content types, reactions) are read from the SDK's
 * own source, so they follow an SDK upgrade.
 */
const fs = require('node:fs');
const path = require('node:path');
const { z } = require('zod');

const SDK_RESOURCES = path.join(path.dirname(require.resolve('@linqapp/sdk')), 'src/resources');

/** The string literals of `export type <name> = | 'a' | 'b';` in an SDK resource file. */
function sdkUnion(file, name) {
	const source = fs.readFileSync(path.join(SDK_RESOURCES, file), 'utf8');
	const start = source.indexOf(`export type ${name} =`);
	if (start === -1) throw new Error(`The SDK no longer declares ${name} in ${file}`);
	const declaration = source.slice(start, source.indexOf(';', start));
	const values = [...declaration.matchAll(/'([^']+)'/g)].map((match) => match[1]);
	return z.enum(values);
}

const eventType = sdkUnion('webhook-events.ts', 'WebhookEventType');
const contentType = sdkUnion('attachments.ts', 'SupportedContentType');
const reactionType = sdkUnion('shared.ts', 'ReactionType');
const serviceType = sdkUnion('shared.ts', 'ServiceType');

const textDecoration = z
	.object({
		range: z.array(z.number().int()),
		animation: z
			.enum(['big', 'small', 'shake', 'nod', 'explode', 'ripple', 'bloom', 'jitter'])
			.optional(),
		style: z.enum(['bold', 'italic', 'strikethrough', 'underline']).optional(),
	})
	.strict();

/** The visible layout of an iMessage app card (MessageContent.IMessageAppPart.Layout). */
const appCardLayout = z
	.object({
		caption: z.string().optional(),
		subcaption: z.string().optional(),
		trailing_caption: z.string().optional(),
		trailing_subcaption: z.string().optional(),
		image_url: z.string().optional(),
		image_title: z.string().optional(),
		image_subtitle: z.string().optional(),
	})
	.strict();

const part = z.discriminatedUnion('type', [
	z
		.object({
			type: z.literal('text'),
			value: z.string(),
			text_decorations: z.array(textDecoration).optional(),
		})
		.strict(),
	z
		.object({
			type: z.literal('media'),
			attachment_id: z.string().optional(),
			url: z.string().optional(),
		})
		.strict(),
	z.object({ type: z.literal('link'), value: z.string() }).strict(),
	z
		.object({
			type: z.literal('imessage_app'),
			app: z
				.object({
					bundle_id: z.string(),
					name: z.string(),
					team_id: z.string(),
					app_store_id: z.number().int().optional(),
				})
				.strict(),
			layout: appCardLayout,
			fallback_text: z.string().optional(),
			interactive: z.boolean().optional(),
			url: z.string().optional(),
		})
		.strict(),
]);

/** MessageContent in chats/chats.ts. */
const messageContent = z
	.object({
		parts: z.array(part),
		effect: z
			.object({ name: z.string().optional(), type: z.enum(['screen', 'bubble']).optional() })
			.strict()
			.optional(),
		idempotency_key: z.string().optional(),
		preferred_service: serviceType.optional(),
		reply_to: z
			.object({ message_id: z.string(), part_index: z.number().int().optional() })
			.strict()
			.optional(),
	})
	.strict();

/** Query values arrive as text; a number must be written as one. */
const integerText = z.string().regex(/^\d+$/, 'must be a whole number');
const page = { cursor: z.string().optional(), limit: integerText.optional() };

const noQuery = z.object({}).strict();
const noBody = z.undefined({ message: 'this endpoint takes no body' });

function endpoint(method, pattern, { body = noBody, query = noQuery } = {}) {
	return { method, pattern, body, query };
}

const ENDPOINTS = [
	endpoint('GET', /^\/v3\/phone_numbers$/),
	endpoint('GET', /^\/v3\/phonenumbers$/),
	endpoint('PUT', /^\/v3\/phone_numbers\/[^/]+$/, {
		body: z.object({ forwarding_number: z.string().nullable() }).strict(),
	}),
	endpoint('GET', /^\/v3\/available_number$/, {
		query: z.object({ to: z.union([z.string(), z.array(z.string())]).optional() }).strict(),
	}),
	endpoint('POST', /^\/v3\/chats$/, {
		body: z.object({ from: z.string(), to: z.array(z.string()), message: messageContent }).strict(),
	}),
	endpoint('GET', /^\/v3\/chats$/, {
		query: z.object({ ...page, from: z.string().optional(), to: z.string().optional() }).strict(),
	}),
	endpoint('GET', /^\/v3\/chats\/[^/]+$/),
	endpoint('PUT', /^\/v3\/chats\/[^/]+$/, {
		body: z
			.object({ display_name: z.string().optional(), group_chat_icon: z.string().optional() })
			.strict(),
	}),
	endpoint('POST', /^\/v3\/chats\/[^/]+\/read$/),
	endpoint('POST', /^\/v3\/chats\/[^/]+\/leave$/),
	endpoint('POST', /^\/v3\/chats\/[^/]+\/share_contact_card$/),
	endpoint('POST', /^\/v3\/chats\/[^/]+\/typing$/),
	endpoint('DELETE', /^\/v3\/chats\/[^/]+\/typing$/),
	endpoint('POST', /^\/v3\/chats\/[^/]+\/voicememo$/, {
		body: z
			.object({ attachment_id: z.string().optional(), voice_memo_url: z.string().optional() })
			.strict(),
	}),
	endpoint('POST', /^\/v3\/chats\/[^/]+\/participants$/, {
		body: z.object({ handle: z.string() }).strict(),
	}),
	endpoint('DELETE', /^\/v3\/chats\/[^/]+\/participants$/, {
		body: z.object({ handle: z.string() }).strict(),
	}),
	endpoint('POST', /^\/v3\/chats\/[^/]+\/location\/request$/),
	endpoint('GET', /^\/v3\/chats\/[^/]+\/location$/),
	endpoint('POST', /^\/v3\/chats\/[^/]+\/messages$/, {
		body: z.object({ message: messageContent }).strict(),
	}),
	endpoint('GET', /^\/v3\/chats\/[^/]+\/messages$/, { query: z.object(page).strict() }),
	endpoint('POST', /^\/v3\/messages$/, {
		body: z
			.object({
				to: z.array(z.string()),
				message: messageContent,
				continuation_message: z.object({ text: z.string() }).strict().optional(),
			})
			.strict(),
	}),
	endpoint('GET', /^\/v3\/messages\/[^/]+$/),
	endpoint('PATCH', /^\/v3\/messages\/[^/]+$/, {
		body: z.object({ text: z.string(), part_index: z.number().int().optional() }).strict(),
	}),
	endpoint('DELETE', /^\/v3\/messages\/[^/]+$/),
	endpoint('GET', /^\/v3\/messages\/[^/]+\/thread$/, {
		query: z.object({ ...page, order: z.enum(['asc', 'desc']).optional() }).strict(),
	}),
	endpoint('POST', /^\/v3\/messages\/[^/]+\/update$/, {
		body: z
			.object({
				layout: appCardLayout,
				fallback_text: z.string().optional(),
				interactive: z.boolean().optional(),
				url: z.string().optional(),
			})
			.strict(),
	}),
	endpoint('POST', /^\/v3\/messages\/[^/]+\/reactions$/, {
		body: z
			.object({
				operation: z.enum(['add', 'remove']),
				type: reactionType,
				custom_emoji: z.string().optional(),
				part_index: z.number().int().optional(),
			})
			.strict(),
	}),
	endpoint('POST', /^\/v3\/attachments$/, {
		body: z
			.object({ content_type: contentType, filename: z.string(), size_bytes: z.number().int() })
			.strict(),
	}),
	endpoint('GET', /^\/v3\/attachments\/[^/]+$/),
	endpoint('DELETE', /^\/v3\/attachments\/[^/]+$/),
	endpoint('POST', /^\/v3\/capability\/(check_imessage|check_rcs)$/, {
		body: z.object({ address: z.string(), from: z.string().optional() }).strict(),
	}),
	endpoint('GET', /^\/v3\/contact_card$/, {
		query: z.object({ phone_number: z.string().optional() }).strict(),
	}),
	endpoint('POST', /^\/v3\/contact_card$/, {
		body: z
			.object({
				first_name: z.string(),
				phone_number: z.string(),
				image_url: z.string().optional(),
				last_name: z.string().optional(),
			})
			.strict(),
	}),
	endpoint('PATCH', /^\/v3\/contact_card$/, {
		query: z.object({ phone_number: z.string() }).strict(),
		body: z
			.object({
				first_name: z.string().optional(),
				image_url: z.string().optional(),
				last_name: z.string().optional(),
			})
			.strict(),
	}),
	endpoint('GET', /^\/v3\/webhook-events$/),
	endpoint('POST', /^\/v3\/webhook-subscriptions$/, {
		body: z
			.object({
				subscribed_events: z.array(eventType),
				target_url: z.string(),
				phone_numbers: z.array(z.string()).optional(),
			})
			.strict(),
	}),
	endpoint('GET', /^\/v3\/webhook-subscriptions$/),
	endpoint('GET', /^\/v3\/webhook-subscriptions\/[^/]+$/),
	endpoint('PUT', /^\/v3\/webhook-subscriptions\/[^/]+$/, {
		body: z
			.object({
				is_active: z.boolean().optional(),
				phone_numbers: z.array(z.string()).nullable().optional(),
				subscribed_events: z.array(eventType).optional(),
				target_url: z.string().optional(),
			})
			.strict(),
	}),
	endpoint('DELETE', /^\/v3\/webhook-subscriptions\/[^/]+$/),
];

/** Where a zod issue is, as the request names it: `body.message.parts[0].value`. */
function where(scope, issuePath) {
	return issuePath.reduce(
		(text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${key}`),
		scope,
	);
}

/**
 * The ways a V3 request breaks the contract, as `{ path, message }` (none when it keeps it).
 * `body` is the parsed JSON body (undefined when there is none), `query` the query string as
 * an object of strings (or lists of strings for repeated names).
 */
function contractIssues(method, apiPath, { body, query = {} } = {}) {
	const found = ENDPOINTS.find(
		(candidate) => candidate.method === method && candidate.pattern.test(apiPath),
	);
	if (!found) return [{ path: `${method} ${apiPath}`, message: 'is not a V3 endpoint' }];
	const issues = [];
	for (const [scope, schema, value] of [
		['query', found.query, query],
		['body', found.body, body],
	]) {
		const result = schema.safeParse(value);
		if (!result.success) {
			for (const issue of result.error.issues) {
				issues.push({ path: where(scope, issue.path), message: issue.message });
			}
		}
	}
	return issues;
}

module.exports = { contractIssues };
