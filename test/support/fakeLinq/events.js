'use strict';
/** Linq V3 webhook events as the fake delivers them: the event list, the envelope, the signature. */
const { signatureHeaders } = require('../webhookSignature');
const { LINES, now, traceId, uuid, handleObject } = require('./common');

/** The event types Linq lists at GET /v3/webhook-events. */
const EVENT_TYPES = [
	'message.sent',
	'message.received',
	'message.read',
	'message.delivered',
	'message.failed',
	'message.edited',
	'reaction.added',
	'reaction.removed',
	'participant.added',
	'participant.removed',
	'chat.created',
	'chat.group_name_updated',
	'chat.group_icon_updated',
	'chat.group_name_update_failed',
	'chat.group_icon_update_failed',
	'chat.typing_indicator.started',
	'chat.typing_indicator.stopped',
	'phone_number.status_updated',
	'call.initiated',
	'call.ringing',
	'call.answered',
	'call.ended',
	'call.failed',
	'call.declined',
	'call.no_answer',
	'location.sharing.started',
	'location.sharing.stopped',
];

/** Builds a Linq V3 webhook envelope (payload version 2026-02-03). */
function messageEvent({
	eventType = 'message.received',
	direction = 'inbound',
	text = 'Hello from the fake',
	chatId = uuid(),
	from = '+15557654321',
	to = LINES[0],
	parts,
	messageId = uuid(),
	eventId = uuid(),
} = {}) {
	const inbound = direction === 'inbound';
	return {
		api_version: 'v3',
		webhook_version: '2026-02-03',
		event_id: eventId,
		event_type: eventType,
		created_at: now(),
		trace_id: traceId(),
		partner_id: 'partner_e2e',
		data: {
			id: messageId,
			direction,
			sender_handle: handleObject(inbound ? from : to, { isMe: !inbound }),
			chat: { id: chatId, is_group: false, owner_handle: handleObject(to, { isMe: true }) },
			parts: parts ?? [{ type: 'text', value: text }],
			service: 'iMessage',
			sent_at: now(),
			delivered_at: null,
			read_at: null,
			effect: null,
			reply_to: null,
			idempotency_key: null,
		},
	};
}

/** Standard Webhooks signature plus the legacy X-Webhook-* headers, as Linq sends both. */
function signDelivery({
	secret,
	body,
	eventType,
	subscriptionId,
	webhookId = `msg_${uuid()}`,
	timestamp,
}) {
	const ts = timestamp ?? Math.floor(Date.now() / 1000);
	return {
		'content-type': 'application/json',
		...signatureHeaders(body, { secret, id: webhookId, timestamp: ts }),
		'x-webhook-event': eventType,
		'x-webhook-subscription-id': subscriptionId,
	};
}

module.exports = { EVENT_TYPES, messageEvent, signDelivery };
