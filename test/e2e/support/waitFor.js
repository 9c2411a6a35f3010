'use strict';

/**
 * Polls `probe` until it returns a truthy value; n8n activates, deactivates and stores
 * executions asynchronously, so assertions wait for the state instead of sleeping.
 */
async function waitFor(probe, { timeoutMs = 60_000, intervalMs = 250, what = 'condition' } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		try {
			last = await probe();
			if (last) return last;
		} catch (error) {
			last = error;
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	const detail = last instanceof Error ? `: ${last.message}` : '';
	throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}${detail}`);
}

module.exports = { waitFor };
