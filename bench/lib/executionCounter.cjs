'use strict';
/**
 * Runs under the n8n runtime's Node (24, which has node:sqlite) as a child of the benchmark:
 * reads `{"workflowId","afterId"}` lines on stdin and answers one JSON line each with what
 * n8n's SQLite database holds about that workflow's executions (`{"staticDataOf": id}`: the
 * size of the workflow's saved static data and the keys in a Linq Trigger's dedupe state and a Code
 * node's `global.seen`; `{"outputsOf": id, "afterId", "node"}`: how many of
 * those executions had `node` put out at least one item, read from the stored run data with
 * n8n's own `flatted`, whose path is the second argument). Read-only.
 */
const readline = require('node:readline');
const { DatabaseSync } = require('node:sqlite');

const db = new DatabaseSync(process.argv[2], { readOnly: true, timeout: 10_000 });
const summary = db.prepare(
	`SELECT COUNT(*) AS started,
		SUM(CASE WHEN stoppedAt IS NOT NULL THEN 1 ELSE 0 END) AS stopped,
		SUM(CASE WHEN status = 'success' THEN 1 ELSE 0 END) AS succeeded,
		MAX(id) AS maxId, MIN(startedAt) AS firstStart, MAX(stoppedAt) AS lastStop
	FROM execution_entity WHERE workflowId = ? AND id > ?`,
);
const highest = db.prepare('SELECT COALESCE(MAX(id), 0) AS maxId FROM execution_entity');
const runData = db.prepare(
	`SELECT d.data AS data FROM execution_data d JOIN execution_entity e ON e.id = d.executionId
	WHERE e.workflowId = ? AND e.id > ?`,
);
const flatted = process.argv[3] ? require(process.argv[3]) : undefined;

function outputsOf(workflowId, afterId, node) {
	let executions = 0;
	let withItems = 0;
	for (const row of runData.iterate(workflowId, afterId ?? 0)) {
		executions++;
		const run = flatted.parse(row.data).resultData?.runData?.[node]?.[0];
		if ((run?.data?.main?.[0]?.length ?? 0) > 0) withItems++;
	}
	return { executions, withItems };
}

const staticData = db.prepare(
	'SELECT length(staticData) AS staticDataBytes, staticData FROM workflow_entity WHERE id = ?',
);

/** Keys in a Linq Trigger's packed dedupe state and in a Code node's `global.seen` map. */
function staticDataSummary(workflowId) {
	const row = staticData.get(workflowId);
	if (row === undefined) return { staticDataBytes: null };
	const data = row.staticData ? JSON.parse(row.staticData) : {};
	let dedupeKeys = 0;
	for (const [key, value] of Object.entries(data)) {
		if (!key.startsWith('node:') || !Array.isArray(value?.dedupe?.g)) continue;
		for (const generation of value.dedupe.g) dedupeKeys += String(generation.k).length / 12;
	}
	const seenKeys = Object.keys(data.global?.seen ?? {}).length;
	return { staticDataBytes: row.staticDataBytes, dedupeKeys, seenKeys };
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
	let answer;
	try {
		const { workflowId, afterId, staticDataOf, outputsOf: ofWorkflow, node } = JSON.parse(line);
		if (ofWorkflow) answer = outputsOf(ofWorkflow, afterId, node);
		else if (staticDataOf) answer = staticDataSummary(staticDataOf);
		else answer = workflowId ? summary.get(workflowId, afterId ?? 0) : highest.get();
	} catch (error) {
		answer = { error: String(error) };
	}
	process.stdout.write(`${JSON.stringify(answer)}\n`);
});
