'use strict';
/** Stops anything a queue-mode file started and did not stop itself, then removes the record. */
const fs = require('node:fs');

const { stopRecorded } = require('./cleanup');

module.exports = async function globalTeardown() {
	const leftovers = await stopRecorded();
	if (leftovers.length > 0)
		process.stderr.write(`[queue] globalTeardown stopped: ${leftovers.join(', ')}\n`);
	const dir = process.env.LINQ_QUEUE_RUN_DIR;
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
