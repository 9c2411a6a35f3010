'use strict';
/**
 * Starting workflows in an n8n under test and reading back their executions through the public
 * API, the same way in every e2e file.
 */
const { waitFor } = require('./waitFor');
const { exampleWorkflow } = require('./workflows');

/**
 * POSTs `body` to the production webhook at `webhookPath` and returns n8n's answer. Activation
 * is asynchronous in n8n 2.x: the URL answers 404 "not registered" until it is live.
 */
async function callWhenLive(n8n, webhookPath, body = {}) {
	let answer;
	await waitFor(
		async () => {
			answer = await n8n.request('POST', `/webhook/${webhookPath}`, { body });
			return answer.status !== 404 || !/not registered/i.test(answer.text);
		},
		{ what: `webhook ${webhookPath} to be registered` },
	);
	return answer;
}

/** The newest `limit` executions of a workflow, with their data. */
async function executionsOf(n8n, workflowId, { limit = 100 } = {}) {
	const list = await n8n.api(
		'GET',
		`/executions?workflowId=${workflowId}&includeData=true&limit=${limit}`,
	);
	return list.data;
}

/** Waits until the workflow has at least `atLeast` executions and all of them ended. */
async function settledExecutions(n8n, workflowId, atLeast, { limit, what, timeoutMs } = {}) {
	return await waitFor(
		async () => {
			const list = await executionsOf(n8n, workflowId, { limit });
			return list.length >= atLeast &&
				list.every((execution) => execution.finished || execution.stoppedAt)
				? list
				: undefined;
		},
		{ what: what ?? `${atLeast} executions`, timeoutMs },
	);
}

/** The items `node` put out in an execution (its first run, first output). */
function nodeItems(execution, node = 'Linq Trigger') {
	return execution.data.resultData.runData[node][0].data.main[0];
}

/**
 * Imports an example that starts with the Linq Trigger, with `credentials` ({ type: id }) put
 * in, activates it and waits until the trigger has registered its one subscription on the fake.
 */
async function activateTriggerExample(suite, file, credentials) {
	const workflow = await suite.n8n.api('POST', '/workflows', exampleWorkflow(file, credentials));
	await suite.n8n.api('POST', `/workflows/${workflow.id}/activate`);
	await waitFor(() => suite.fake.subscriptions().length === 1, {
		what: `the trigger of ${file} to create its subscription`,
		timeoutMs: 120_000,
	});
	return workflow;
}

module.exports = {
	activateTriggerExample,
	callWhenLive,
	executionsOf,
	settledExecutions,
	nodeItems,
};
