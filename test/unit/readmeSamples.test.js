'use strict';
/**
 * The README's sample trigger items (n8n shows no output schema for triggers before a run) are
 * what the trigger really emits for the same kind of event: same fields, in the same order, and
 * null where the trigger gives null.
 */
const fs = require('node:fs');
const path = require('node:path');

const { parseEvent } = require('../../nodes/shared/delivery/parseEvent');
const { shapeEvent } = require('../../nodes/shared/delivery/shapeEvent');
const { sandboxEvent } = require('../../scripts/lib/sandboxEvents.cjs');

const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
const section = readme.slice(
	readme.indexOf('### Sample items'),
	readme.indexOf('\n## ', readme.indexOf('### Sample items')),
);
const samples = [...section.matchAll(/```json\n([^]*?)```/g)].map(([, json]) => JSON.parse(json));

const chat = {
	id: 'f3b0c9a2-5d1e-4c7b-9a8e-2b6d4f1e0c73',
	is_group: false,
	handles: [
		{ handle: '+15550100001', is_me: true, service: 'iMessage' },
		{ handle: '+15550123456', is_me: false, service: 'iMessage' },
	],
};

test.each([
	['media', 0],
	['reaction', 1],
	['typing', 2],
])('the %s sample has the fields the trigger emits', (kind, index) => {
	const parsed = parseEvent(
		JSON.stringify(sandboxEvent(kind, { chat, messageId: samples[1].message_id })),
	);
	const { data, ...item } = shapeEvent(parsed.event, 'msg_2Lq8xZ');
	const sample = samples[index];
	expect(Object.keys(sample)).toEqual(Object.keys(item));
	for (const [field, value] of Object.entries(item)) {
		if (['event_id', 'created_at', 'trace_id', 'message_id', 'text'].includes(field)) continue;
		expect({ field, value: sample[field] }).toEqual({ field, value });
	}
});
