'use strict';
const { deriveIdempotencyKey } = require('../../nodes/shared/idempotency');

const source = { executionId: 'exec-42', nodeId: 'node-0001', runIndex: 0, itemIndex: 3 };

test('the same execution, node, run and item always give the same key', () => {
	expect(deriveIdempotencyKey({ ...source })).toBe(deriveIdempotencyKey({ ...source }));
	expect(deriveIdempotencyKey({ ...source, part: '+15551230002' })).toBe(
		deriveIdempotencyKey({ ...source, part: '+15551230002' }),
	);
});

test.each([
	['execution', { executionId: 'exec-43' }],
	['node', { nodeId: 'node-0002' }],
	['run', { runIndex: 1 }],
	['item', { itemIndex: 4 }],
	['part', { part: 'recipient-2' }],
])('another %s gives another key', (_, change) => {
	expect(deriveIdempotencyKey({ ...source, ...change })).not.toBe(deriveIdempotencyKey(source));
});

test('fields cannot run into each other: item 1 of run 12 is not item 11 of run 2', () => {
	expect(deriveIdempotencyKey({ ...source, runIndex: 12, itemIndex: 1 })).not.toBe(
		deriveIdempotencyKey({ ...source, runIndex: 1, itemIndex: 21 }),
	);
	expect(deriveIdempotencyKey({ ...source, nodeId: 'a', part: 'bc' })).not.toBe(
		deriveIdempotencyKey({ ...source, nodeId: 'ab', part: 'c' }),
	);
});

test('keys are short enough for Linq (at most 255 characters) even from very long inputs', () => {
	const key = deriveIdempotencyKey({
		executionId: 'e'.repeat(1000),
		nodeId: 'n'.repeat(1000),
		runIndex: 999,
		itemIndex: 99999,
		part: 'p'.repeat(5000),
	});
	expect(key.length).toBeLessThanOrEqual(255);
	expect(key).toMatch(/^n8n-[0-9a-f]{40}$/);
});

test('without an execution id (a manual partial run) each call gets a fresh random key', () => {
	const { executionId, ...rest } = source;
	const first = deriveIdempotencyKey(rest);
	const second = deriveIdempotencyKey(rest);
	expect(executionId).toBe('exec-42');
	expect(first).not.toBe(second);
	expect(first.length).toBeLessThanOrEqual(255);
	expect(first).toMatch(/^n8n-[0-9a-f-]{36}$/);
});
