'use strict';
/** V2 webhook events as the fake delivers them: the event list, the envelope, the signature. */
const crypto = require('node:crypto');
const { V2_LINES, now } = require('./common');

const V2_EVENTS = [
	'message.sent',
	'message.received',
	'message.read',
	'call.completed',
	'reaction.sent',
	'reaction.received',
	'typing_indicator.received',
	'typing_indicator.removed',
	'contact.created',
	'contact.updated',
	'contact.deleted',
	'participant.added',
	'participant.removed',
];

/** Keys sorted recursively, compact: the canonical JSON the V2 docs say the signature covers. */
function canonicalJson(value) {
	const sort = (entry) => {
		if (Array.isArray(entry)) return entry.map(sort);
		if (entry !== null && typeof entry === 'object') {
			return Object.fromEntries(
				Object.keys(entry)
					.sort()
					.map((key) => [key, sort(entry[key])]),
			);
		}
		return entry;
	};
	return JSON.stringify(sort(value));
}

function signV2(secret, text) {
	return `sha256=${crypto.createHmac('sha256', secret).update(text).digest('hex')}`;
}

/** A V2 message event as Linq's reference shows it. */
function v2MessageEvent({
	eventType = 'message.received',
	from = '+15557654321',
	line = V2_LINES[0],
	text = 'Hello from V2',
	chatId = '324324',
	id = String(27000000 + crypto.randomInt(999999)),
	attachments = [],
	extra = {},
} = {}) {
	const fromMe = eventType === 'message.sent';
	return {
		api_version: 'v2',
		created_at: now(),
		data: {
			id,
			chat_id: chatId,
			text,
			sent_at: now(),
			is_read: false,
			from_phone: fromMe ? line : from,
			service: 'iMessage',
			reaction_id: null,
			chat_handles: [
				{ identifier: from, display_name: 'Customer', is_me: false },
				{ identifier: line, display_name: 'Your Linq Number', is_me: true },
			],
			attachments,
			...extra,
		},
		event_id: crypto.randomUUID(),
		event_type: eventType,
	};
}

module.exports = { V2_EVENTS, canonicalJson, signV2, v2MessageEvent };
