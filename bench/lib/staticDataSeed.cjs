'use strict';
/**
 * Runs under the n8n runtime's Node (24, which has node:sqlite) while that n8n is stopped: sets
 * one value inside a workflow's saved static data and leaves the rest of the object as it was.
 * Reads a JSON array on stdin, `[{ "workflowId", "path": ["node:Linq Trigger", "dedupe"],
 * "value" }]` (`value: null` removes the entry), and prints the column's size before and after
 * for each, as one JSON line.
 */
const fs = require('node:fs');
const { DatabaseSync } = require('node:sqlite');

const db = new DatabaseSync(process.argv[2], { timeout: 10_000 });
const read = db.prepare('SELECT staticData FROM workflow_entity WHERE id = ?');
const write = db.prepare('UPDATE workflow_entity SET staticData = ? WHERE id = ?');

const changes = JSON.parse(fs.readFileSync(0, 'utf8'));
const sizes = changes.map(({ workflowId, path, value }) => {
	const row = read.get(workflowId);
	if (row === undefined) throw new Error(`No workflow ${workflowId}`);
	const before = row.staticData ?? '';
	const data = before ? JSON.parse(before) : {};
	let parent = data;
	for (const key of path.slice(0, -1)) {
		parent[key] ??= {};
		parent = parent[key];
	}
	const last = path[path.length - 1];
	if (value === null) delete parent[last];
	else parent[last] = value;
	const after = JSON.stringify(data);
	write.run(after, workflowId);
	return { workflowId, bytesBefore: before.length, bytesAfter: after.length };
});
db.close();
process.stdout.write(`${JSON.stringify(sizes)}\n`);
