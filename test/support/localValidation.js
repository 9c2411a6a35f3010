'use strict';
/**
 * Shows that a local validation error names its field and its item and sends nothing: the node
 * runs on two items, the first valid, the second with `bad` laid over the parameters.
 */
const { NodeOperationError } = require('n8n-workflow');
const { captureRequest, runNode } = require('./oracle');

async function runWithBadSecondItem(params, bad, reply = { status: 200, body: {} }) {
	let error;
	const sent = await captureRequest(
		async () => {
			try {
				await runNode((itemIndex) => (itemIndex === 1 ? { ...params, ...bad } : params), {
					items: [{ json: {} }, { json: {} }],
				});
			} catch (caught) {
				error = caught;
			}
		},
		{ all: true, reply },
	);
	return { error, sent };
}

/** Expects the second item to fail locally with a message naming `field`, after one request for the first. */
async function expectLocalError(params, bad, field, reply) {
	const { error, sent } = await runWithBadSecondItem(params, bad, reply);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toContain(field);
	expect(error.context.itemIndex).toBe(1);
	expect(sent).toHaveLength(1);
	return error;
}

module.exports = { runWithBadSecondItem, expectLocalError };
