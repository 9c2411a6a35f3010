'use strict';
/**
 * When n8n loads and saves a workflow's static data around a webhook trigger, as read in the
 * compiled source of n8n 2.41.1 and 2.8.4 (docs/design.md, "Static data: who loads it, who
 * saves it, and where trigger state lives"). Change tracking is n8n's own: every copy is held by
 * the real n8n-workflow Workflow of the n8n-core context the node runs in, so `__dataChanged`
 * behaves exactly as in n8n.
 *
 * - The process that takes the HTTP call (main, or a webhook process in queue mode) loads the
 *   workflow row for every call, runs webhook() over its static data, and saves the whole object
 *   if it changed: at once when webhook() answered the request itself (noWebhookResponse), else
 *   after WorkflowRunner.run has started the execution.
 * - n8n 2.41.1's WorkflowRunner.run wraps the same object in a second Workflow before that
 *   (establishContextForPersistence), which resets the changed flag; 2.8.4 does not.
 * - The execution: regular mode runs it over a fresh load of the row; a 2.41.1 queue-mode worker
 *   over empty static data (the execution record has none, and the job does not ask to load
 *   it); a 2.8.4 worker over a load of the row at job start. When the execution ends, its static
 *   data is saved whole if it changed.
 */
const { Workflow } = require('n8n-workflow');
const { createExecuteContext } = require('./harness');
const { createTriggerContext, triggerNode } = require('./webhookContext');

const nodeTypes = { getByNameAndVersion: () => undefined };
let rows = 0;

function clone(value) {
	return JSON.parse(JSON.stringify(value));
}

/** The workflow's row in n8n's database: each load is a fresh copy, each save replaces it. */
function workflowRow(staticData = {}) {
	rows += 1;
	let stored = clone(staticData);
	const row = {
		id: `wf-row-${rows}`,
		saves: 0,
		load: () => clone(stored),
		save(staticDataObject) {
			row.saves += 1;
			stored = clone(staticDataObject);
		},
		stored: () => stored,
	};
	return row;
}

function wrap(row, staticData) {
	return new Workflow({
		id: row.id,
		nodes: [],
		connections: {},
		active: true,
		nodeTypes,
		staticData,
	});
}

/** WorkflowStaticDataService.saveStaticData: saves the whole object only if it changed. */
function saveIfChanged(row, workflow) {
	if (workflow.staticData.__dataChanged === true) {
		row.save(workflow.staticData);
		workflow.staticData.__dataChanged = false;
	}
}

/**
 * One webhook call taken by one n8n process. The row is loaded when the call is taken, so
 * calls taken before others finish work on copies that are stale by then, as in n8n.
 * - version: '2.41.1' or '2.8.4'; execution: 'regular' or 'worker' (queue mode)
 * Returns { run }: run() calls webhook(), saves as n8n does, and runs the execution (if one
 * started) where n8n would, resolving to the number of items it emitted.
 */
function takeCall(
	row,
	trigger,
	request,
	{ params, version = '2.41.1', execution = 'regular', mode = 'webhook' },
) {
	const raw = row.load();
	const ctx = createTriggerContext({ params, request, workflowId: row.id, mode, staticData: raw });
	const { workflow } = ctx;
	async function run() {
		const result = await trigger.webhook.call(ctx);
		const items = result.workflowData ? result.workflowData[0] : [];
		// n8n answers (and saves) before starting anything when webhook() answered itself or
		// started nothing; otherwise after WorkflowRunner.run.
		if (result.noWebhookResponse === true || items.length === 0) saveIfChanged(row, workflow);
		if (items.length > 0) {
			if (version === '2.41.1') wrap(row, raw);
			saveIfChanged(row, workflow);
			await runExecution(row, trigger, items, { version, execution });
		}
		return { items: items.length, status: ctx.response.statusCode, ctx };
	}
	return { run };
}

/** The execution a webhook started, with the trigger's step run where n8n runs it. */
async function runExecution(row, trigger, items, { version, execution }) {
	const fromWorker = execution === 'worker' && version === '2.41.1';
	const ctx = createExecuteContext({
		items,
		node: triggerNode(),
		mode: 'webhook',
		workflowId: row.id,
		staticData: fromWorker ? undefined : row.load(),
	});
	await trigger.execute.call(ctx);
	saveIfChanged(row, ctx.workflow);
	return ctx.workflow;
}

module.exports = { runExecution, takeCall, workflowRow, wrap };
