'use strict';
/**
 * Runs the Linq node expecting it to refuse its input before talking to anyone: the error is a
 * NodeOperationError naming `field`, pinned to `itemIndex`, and no HTTP request was made.
 */
const { NodeOperationError } = require('n8n-workflow');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { createExecuteContext } = require('./harness');

async function expectRefusedLocally(params, field, { itemIndex = 0, items } = {}) {
	const ctx = createExecuteContext({ params, items });
	const error = await new Linq().execute.call(ctx).then(
		() => undefined,
		(caught) => caught,
	);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toContain(field);
	expect(error.context.itemIndex).toBe(itemIndex);
	expect(ctx.requests).toHaveLength(0);
	return error;
}

module.exports = { expectRefusedLocally };
