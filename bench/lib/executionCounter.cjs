'use strict';
/**
 * Runs under the n8n runtime's Node (24, which has node:sqlite) as a child of the benchmark:
 * reads `{"workflowId","afterId"}` lines on stdin and answers one JSON line each with what
 * n8n's SQLite database holds about that workflow's executions (`{"staticDataOf": id}`: the
 * size of the workflow's saved static data). Read-only.
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
const staticData = db.prepare(
	'SELECT length(staticData) AS staticDataBytes FROM workflow_entity WHERE id = ?',
);

readline.createInterface({ input: process.stdin }).on('line', (line) => {
	let answer;
	try {
		const { workflowId, afterId, staticDataOf } = JSON.parse(line);
		if (staticDataOf) answer = staticData.get(staticDataOf) ?? { staticDataBytes: null };
		else answer = workflowId ? summary.get(workflowId, afterId ?? 0) : highest.get();
	} catch (error) {
		answer = { error: String(error) };
	}
	process.stdout.write(`${JSON.stringify(answer)}\n`);
});
