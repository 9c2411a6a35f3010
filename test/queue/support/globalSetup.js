'use strict';
/**
 * Runs once, in jest's own process, before the queue-mode files: a folder where the files
 * record what they start, signal handlers that stop it (see cleanup.js), and the Debian
 * servers installed now rather than inside a test's timeout.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { stopOnSignals, stopRecorded } = require('./cleanup');
const { requireServerBinaries } = require('./debianServer');

module.exports = async function globalSetup() {
	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-queue-run-'));
	process.env.LINQ_QUEUE_RUN_DIR = runDir;
	stopOnSignals(async () => {
		await stopRecorded({ graceMs: 10_000 });
		fs.rmSync(runDir, { recursive: true, force: true });
	});
	requireServerBinaries();
};
