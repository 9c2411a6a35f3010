'use strict';
const { filterEvent, handleSet } = require('../../nodes/shared/delivery/filterEvent');
const { shapeEvent } = require('../../nodes/shared/delivery/shapeEvent');
const {
	LINE,
	SENDER,
	messageEventV1,
	messageEventV2,
	reactionEvent,
	typingEvent,
} = require('../support/linqEvents');

function options(overrides = {}) {
	return {
		events: new Set(['message.received']),
		includeOwnOutbound: false,
		allowedSenders: new Set(),
		lines: new Set(),
		...overrides,
	};
}

const received = shapeEvent(messageEventV2());

test('a subscribed inbound message passes', () => {
	expect(filterEvent(received, options())).toEqual({ pass: true });
});

test('an event type the node did not subscribe to is dropped', () => {
	expect(filterEvent(shapeEvent(typingEvent()), options())).toEqual({
		pass: false,
		reason: 'unsubscribed_event',
	});
});

test('own outbound messages are dropped by default in both versions, and pass when opted in', () => {
	const v2 = shapeEvent(messageEventV2({ direction: 'outbound' }));
	const v1 = shapeEvent(messageEventV1({ isFromMe: true }));
	for (const event of [v2, v1]) {
		expect(filterEvent(event, options())).toEqual({ pass: false, reason: 'own_outbound' });
		expect(filterEvent(event, options({ includeOwnOutbound: true }))).toEqual({ pass: true });
	}
});

test('own reactions are dropped by default', () => {
	const events = new Set(['reaction.added']);
	expect(filterEvent(shapeEvent(reactionEvent({ isFromMe: true })), options({ events }))).toEqual({
		pass: false,
		reason: 'own_outbound',
	});
	expect(filterEvent(shapeEvent(reactionEvent()), options({ events }))).toEqual({ pass: true });
});

test('status events of your own messages pass when chosen: choosing them is the opt-in', () => {
	const events = new Set(['message.sent', 'message.delivered', 'message.read']);
	for (const eventType of events) {
		const event = shapeEvent(messageEventV2({ eventType, direction: 'outbound' }));
		expect(filterEvent(event, options({ events }))).toEqual({ pass: true });
	}
});

test('Allowed Senders keeps other senders out, whatever the number formatting', () => {
	const allowed = handleSet('+1 (555) 999-0000, someone@example.com');
	expect(filterEvent(received, options({ allowedSenders: allowed }))).toEqual({
		pass: false,
		reason: 'sender_not_allowed',
	});
	const withSender = handleSet(`+1 555 123 0001\n+15559990000`);
	expect(SENDER).toBe('+15551230001');
	expect(filterEvent(received, options({ allowedSenders: withSender }))).toEqual({ pass: true });
});

test('* in Allowed Senders, or an empty list, allows everyone', () => {
	expect(handleSet('+15559990000, *').size).toBe(0);
	expect(filterEvent(received, options({ allowedSenders: handleSet('*') }))).toEqual({
		pass: true,
	});
	expect(filterEvent(received, options({ allowedSenders: handleSet('') }))).toEqual({ pass: true });
});

test('iMessage email senders compare case-insensitively', () => {
	const event = shapeEvent(messageEventV2({ from: 'Someone@Example.com' }));
	expect(filterEvent(event, options({ allowedSenders: handleSet('someone@example.com') }))).toEqual(
		{ pass: true },
	);
});

test('Allowed Senders does not apply to your own outbound events', () => {
	const events = new Set(['message.sent']);
	const sent = shapeEvent(messageEventV2({ eventType: 'message.sent', direction: 'outbound' }));
	expect(filterEvent(sent, options({ events, allowedSenders: handleSet('+15559990000') }))).toEqual(
		{ pass: true },
	);
});

test('events on lines that were not selected are dropped', () => {
	expect(filterEvent(received, options({ lines: handleSet(['+15550000002']) }))).toEqual({
		pass: false,
		reason: 'line_not_selected',
	});
	expect(filterEvent(received, options({ lines: handleSet([LINE]) }))).toEqual({ pass: true });
	expect(filterEvent(shapeEvent(messageEventV1()), options({ lines: handleSet([LINE]) }))).toEqual({
		pass: true,
	});
});
