'use strict';
/**
 * What PostgreSQL and Redis need from the machine: their Debian binaries (installed with apt
 * when missing and we are root), and, when we are root, an unprivileged user to run them as
 * (PostgreSQL refuses to run as root), and starting one until it answers. Nothing here touches
 * the machine's own services.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { startDetached, tail } = require('../../../scripts/lib/n8nProcess.cjs');
const { waitFor } = require('../../e2e/support/waitFor');

const isRoot = () => process.getuid?.() === 0;

/** First existing file among `candidates`, else undefined. */
function firstExisting(candidates) {
	return candidates.find((file) => fs.existsSync(file));
}

/** `apt-get install` of `packages` (root only); says what it does on stderr. */
function aptInstall(packages) {
	if (!isRoot()) return false;
	process.stderr.write(`[queue] apt-get install -y ${packages.join(' ')}\n`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
	execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore', env });
	return true;
}

/** The newest /usr/lib/postgresql/<version>/bin, or $LINQ_PG_BIN. */
function postgresBinDir() {
	if (process.env.LINQ_PG_BIN) return process.env.LINQ_PG_BIN;
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((name) => fs.existsSync(path.join(root, name, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

function redisBinary() {
	return firstExisting(
		[process.env.LINQ_REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server'].filter(
			Boolean,
		),
	);
}

/** Binaries of both servers, installing Debian's packages once when they are missing. */
function requireServerBinaries() {
	let pgBin = postgresBinDir();
	let redis = redisBinary();
	const missing = [];
	if (!pgBin) missing.push('postgresql');
	if (!redis) missing.push('redis-server');
	if (missing.length && aptInstall(missing)) {
		pgBin = postgresBinDir();
		redis = redisBinary();
	}
	if (!pgBin || !redis) {
		throw new Error(
			`The queue-mode suite needs PostgreSQL and Redis binaries (Debian: apt-get install ${missing.join(' ')}); ` +
				'set LINQ_PG_BIN or LINQ_REDIS_SERVER if they live elsewhere.',
		);
	}
	return { pgBin, redis };
}

/**
 * How to run a server binary: as root through `setpriv` as nobody:nogroup (folders it writes
 * must belong to that user), otherwise as ourselves.
 */
function unprivileged(command, args) {
	if (!isRoot()) return { command, args };
	return {
		command: 'setpriv',
		args: ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', command, ...args],
	};
}

/** Hands `file` (a file or folder) to the user the servers run as, when that is not us. */
function giveToServerUser(file) {
	if (!isRoot()) return file;
	const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
	fs.chownSync(file, uid, gid);
	return file;
}

/** A new folder the servers' user owns (its parents must be traversable by that user). */
function ownedFolder(folder) {
	fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
	return giveToServerUser(folder);
}

/**
 * Starts `server` (from unprivileged()) in its own process group, tied to `tiedTo`, and waits
 * until `ready()` is true. If it exits or is not ready within `timeoutMs`, it is stopped and the
 * error carries the tail of its log. Resolves to the process handle.
 */
async function startServer({ name, server, cwd, logFile, tiedTo, ready, what, timeoutMs }) {
	const handle = startDetached({
		command: server.command,
		args: server.args,
		cwd,
		logFile,
		tiedTo,
	});
	let gone = false;
	handle.exited.then(() => {
		gone = true;
	});
	try {
		await waitFor(
			async () => {
				if (gone) throw new Error(`${name} exited`);
				return await ready();
			},
			{ what, timeoutMs, intervalMs: 200 },
		);
	} catch (error) {
		await handle.stop(5_000);
		throw new Error(`${error.message}\n${tail(logFile)}`);
	}
	return handle;
}

module.exports = {
	requireServerBinaries,
	unprivileged,
	ownedFolder,
	giveToServerUser,
	startServer,
};
