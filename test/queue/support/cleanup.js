'use strict';
/**
 * Everything the queue-mode suite starts is recorded here (in memory, and in a file under
 * $LINQ_QUEUE_RUN_DIR when jest's globalSetup made one), so it can be stopped from three
 * places: the suite's own afterAll (`stopAll`), jest's globalTeardown, which runs even when a
 * test file died without cleaning up, and SIGINT/SIGTERM/SIGHUP handlers that globalSetup
 * installs in jest's own process (`stopRecorded`). Only the process groups recorded here are
 * ever signalled. Each server is also tied to the test process by n8n's watchdog, which ends
 * it within a second should that process be killed outright.
 */
const fs = require('node:fs');
const path = require('node:path');

const STATE_FILE = 'started.json';
const started = [];

function stateFile() {
	const dir = process.env.LINQ_QUEUE_RUN_DIR;
	return dir ? path.join(dir, STATE_FILE) : undefined;
}

function persist() {
	const file = stateFile();
	if (!file) return;
	const entries = started.map(({ name, pid, folder, last }) => ({ name, pid, folder, last }));
	fs.writeFileSync(file, JSON.stringify(entries, null, 2));
}

/**
 * Records a started server: `handle` from startDetached/startN8n, `folder` removed after it
 * stops, `last: true` for servers that others use (databases), which are stopped after them.
 */
function track(name, { handle, folder, last = false }) {
	const entry = { name, pid: handle?.pid, handle, folder, last };
	started.push(entry);
	persist();
	return entry;
}

function removeFolder(folder) {
	if (folder) fs.rmSync(folder, { recursive: true, force: true });
}

/** Stops what was tracked: n8n processes together first, then the databases, then folders. */
async function stopAll() {
	const entries = started.splice(0);
	persist();
	const stopGroup = (list) =>
		Promise.all(list.map((entry) => entry.handle?.stop(15_000).catch(() => undefined)));
	await stopGroup(entries.filter((entry) => !entry.last));
	await stopGroup(entries.filter((entry) => entry.last));
	for (const entry of entries) removeFolder(entry.folder);
}

function alive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/**
 * For jest's globalTeardown, which runs in another process than the tests: stops every
 * process group the state file still lists (SIGTERM, SIGKILL after `graceMs`), removes the
 * folders, then the run folder.
 */
async function stopRecorded({ graceMs = 15_000 } = {}) {
	const file = stateFile();
	if (!file || !fs.existsSync(file)) return [];
	const entries = JSON.parse(fs.readFileSync(file, 'utf8'));
	const stopped = [];
	for (const phase of [false, true]) {
		const group = entries.filter((entry) => Boolean(entry.last) === phase && entry.pid);
		for (const entry of group) {
			if (alive(entry.pid)) {
				signalGroup(entry.pid, 'SIGTERM');
				stopped.push(entry.name);
			}
		}
		const deadline = Date.now() + graceMs;
		while (group.some((entry) => alive(entry.pid)) && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 200));
		for (const entry of group) signalGroup(entry.pid, 'SIGKILL');
	}
	for (const entry of entries) removeFolder(entry.folder);
	return stopped;
}

/**
 * Ctrl+C or a kill: `stop()`, then leave with the signal's usual exit code. Installed in a
 * process's real `process` object (jest gives test files a copy whose listeners never fire).
 * Returns a function that removes the handlers again.
 */
function stopOnSignals(stop) {
	const handlers = [
		['SIGINT', 130],
		['SIGTERM', 143],
		['SIGHUP', 129],
	].map(([signal, code]) => {
		const handler = () => {
			process.stderr.write(`\n[queue] ${signal}: stopping everything the run started\n`);
			const timer = setTimeout(() => process.exit(code), 40_000);
			Promise.resolve()
				.then(stop)
				.finally(() => {
					clearTimeout(timer);
					process.exit(code);
				});
		};
		process.once(signal, handler);
		return [signal, handler];
	});
	return () => {
		for (const [signal, handler] of handlers) process.removeListener(signal, handler);
	};
}

module.exports = { track, stopAll, stopRecorded, stopOnSignals };
