'use strict';
const { NodeOperationError } = require('n8n-workflow');
const {
	E164_EXAMPLE,
	parseHandle,
	requireHandle,
	requireHandles,
} = require('../../nodes/shared/handles');
const { defaultNode } = require('../support/harness');

const node = defaultNode();

describe('parseHandle accepts and normalises', () => {
	test.each([
		['+15551234567', '+15551234567'],
		['+1 555 123 4567', '+15551234567'],
		['+1-555-123-4567', '+15551234567'],
		['+1.555.123.4567', '+15551234567'],
		['+1 (555) 123-4567', '+15551234567'],
		['  +15551234567  ', '+15551234567'],
		['+44 20 7946 0958', '+442079460958'],
		['+44 7700 900123', '+447700900123'],
		['+49 30 12345678', '+493012345678'],
		['+33 6 12 34 56 78', '+33612345678'],
		['+61 4 1234 5678', '+61412345678'],
		['+86 138 0013 8000', '+8613800138000'],
		['+12345678', '+12345678'],
		['+123456789012345', '+123456789012345'],
		['5551234567', '+15551234567'],
		['(555) 123-4567', '+15551234567'],
		['555.123.4567', '+15551234567'],
		['555 123 4567', '+15551234567'],
		['15551234567', '+15551234567'],
		['1 (555) 123-4567', '+15551234567'],
		['1-555-123-4567', '+15551234567'],
		[5551234567, '+15551234567'],
		['user@example.com', 'user@example.com'],
		['First.Last+tag@Example.CO.UK', 'first.last+tag@example.co.uk'],
		[' someone@icloud.com ', 'someone@icloud.com'],
	])('%p → %s', (input, expected) => {
		expect(parseHandle(input)).toEqual({ ok: true, handle: expected });
	});
});

describe('parseHandle refuses', () => {
	test.each([
		['', 'is empty'],
		['   ', 'is empty'],
		[null, 'is empty'],
		[undefined, 'is empty'],
		[{ phone: '+15551234567' }, 'is empty'],
		['1-800-FLOWERS', 'contains characters'],
		['+1 555 123 4567 ext 9', 'contains characters'],
		['five five five', 'contains characters'],
		['+1555123456#', 'contains characters'],
		['555-1234', 'is too short'],
		['12345', 'is too short'],
		['+1234567', 'too short for an international number'],
		['+1234567890123456', 'longer than 15 digits'],
		['1555123456', 'ambiguous'],
		['07700 900123', 'ambiguous'],
		['020 7946 0958', 'ambiguous'],
		['030 12345678', 'ambiguous'],
		['0044 20 7946 0958', 'international dialling prefix'],
		['00 1 555 123 4567', 'international dialling prefix'],
		['+0044 20 7946 0958', 'country code starting with 0'],
		['+44 (0) 20 7946 0958', '"(0)"'],
		['+49 (0)30 12345678', '"(0)"'],
		['555+1234567', '"+" that is not at the start'],
		['++15551234567', '"+" that is not at the start'],
		['(+44) 20 7946 0958', '"+" that is not at the start'],
		['user@', 'not a valid email address'],
		['@example.com', 'not a valid email address'],
		['user@example', 'not a valid email address'],
		['user@@example.com', 'not a valid email address'],
		['us er@example.com', 'not a valid email address'],
	])('%p (%s)', (input, reason) => {
		const result = parseHandle(input);
		expect(result.ok).toBe(false);
		expect(result.reason).toContain(reason);
	});
});

describe('requireHandle', () => {
	test('returns the normalised handle', () => {
		expect(requireHandle(node, '(555) 123-4567', 'To', 0)).toBe('+15551234567');
	});

	test('a bad handle names the field, the value and the item; the description shows the expected form', () => {
		let error;
		try {
			requireHandle(node, '07700 900123', 'Forwarding Number', 3);
		} catch (thrown) {
			error = thrown;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Forwarding Number "07700 900123" has no country code, so it is ambiguous',
		);
		expect(error.description).toContain(`Use the form ${E164_EXAMPLE}`);
		expect(E164_EXAMPLE).toBe('+15551234567');
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toContain('email address');
	});
});

describe('requireHandles', () => {
	test('splits commas, semicolons and new lines, and normalises each entry', () => {
		expect(
			requireHandles(node, '+1 555 123 4567, friend@example.com;\n(555) 123-0002\n', 'To', 0),
		).toEqual(['+15551234567', 'friend@example.com', '+15551230002']);
	});

	test('takes an array from an expression', () => {
		expect(requireHandles(node, ['5551234567', '+442079460958'], 'To', 0)).toEqual([
			'+15551234567',
			'+442079460958',
		]);
	});

	test.each([[''], [' , ;\n'], [[]], [undefined]])(
		'an empty list %p names the field and the item',
		(value) => {
			let error;
			try {
				requireHandles(node, value, 'To', 2);
			} catch (thrown) {
				error = thrown;
			}
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe('To is empty');
			expect(error.context.itemIndex).toBe(2);
			expect(error.description).toContain(E164_EXAMPLE);
		},
	);

	test('one bad entry fails the list and names it', () => {
		expect(() => requireHandles(node, '+15551234567, 12345', 'To', 1)).toThrow(
			'To "12345" is too short',
		);
	});
});

describe('one handle form for both nodes', () => {
	const { canonicalHandle } = require('../../nodes/shared/handles');
	const { filterEvent, handleSet } = require('../../nodes/shared/delivery/filterEvent');

	/** The trigger's Allowed Senders set to `input`, and an inbound event from `from`. */
	function allowedBy(input, from) {
		const event = { event_type: 'message.received', direction: 'inbound', from, line: null };
		return filterEvent(event, {
			events: new Set(['message.received']),
			includeOwnOutbound: false,
			allowedSenders: handleSet(input),
			lines: new Set(),
		}).pass;
	}

	test.each([
		'(555) 123-4567',
		'555.123.4567',
		'555 123 4567',
		'1-555-123-4567',
		'+1 (555) 123-4567',
		'+44 7700 900123',
		'+447700900123',
		'Someone@Example.com',
	])('"%s" is the same handle to the Linq node and the Linq Trigger', (input) => {
		const sent = requireHandle(node, input, 'To', 0);
		expect(canonicalHandle(input)).toBe(sent);
		expect(allowedBy(input, sent)).toBe(true);
		expect(allowedBy(sent, canonicalHandle(input))).toBe(true);
	});

	test('what the action node refuses is still compared by its digits (an SMS short code)', () => {
		expect(canonicalHandle(' 12-345 ')).toBe('12345');
		expect(allowedBy('12345', '12-345')).toBe(true);
	});
});
