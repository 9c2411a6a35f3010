'use strict';
/**
 * Runs a command in this process group and ends the whole group when the process that asked
 * for it is gone, so a test run stopped with Ctrl+C or killed outright leaves no n8n behind.
 * Usage: node n8nWatchdog.cjs <ownerPid> <folderToRemoveOrDash> <command> [args...]
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');

const [ownerPid, folder, command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: 'inherit' });

// A signal to the group reaches the command directly; the watchdog waits for it to finish.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

setInterval(() => {
	try {
		process.kill(Number(ownerPid), 0);
	} catch {
		if (folder !== '-') fs.rmSync(folder, { recursive: true, force: true });
		process.kill(-process.pid, 'SIGKILL');
	}
}, 1000);
