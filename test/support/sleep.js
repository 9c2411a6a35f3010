'use strict';
/**
 * jest.mock factory for n8n-workflow that records every sleep instead of waiting, so retry
 * tests assert the waits (Retry-After honoured, bounded backoff) without taking time.
 * Use: jest.mock('n8n-workflow', () => require('../support/sleep').mockWorkflow());
 */
const sleeps = [];

function mockWorkflow() {
	const actual = jest.requireActual('n8n-workflow');
	return {
		...actual,
		sleep: jest.fn(async (ms) => {
			sleeps.push(ms);
		}),
	};
}

module.exports = { sleeps, mockWorkflow };
