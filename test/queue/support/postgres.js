'use strict';
/**
 * A throw-away PostgreSQL for one test run: `initdb` into a temp folder, the server on a free
 * port of 127.0.0.1 only (no Unix socket), password login, durability switched off because the
 * data dies with the run. Runs in its own process group, tied to this process.
 */
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { freePort } = require('../../e2e/support/n8nInstance');
const { giveToServerUser, ownedFolder, startServer, unprivileged } = require('./debianServer');

const USER = 'n8n';
const DATABASE = 'postgres';

/**
 * `folder`: the run's temp folder (its parents traversable by the server's user). It holds
 * the data and is removed by the watchdog should the test process die without cleaning up.
 */
async function startPostgres({ pgBin, folder }) {
	const home = ownedFolder(path.join(folder, 'postgres'));
	const dataDir = path.join(home, 'data');
	const password = crypto.randomBytes(18).toString('base64url');
	const passwordFile = path.join(home, 'password');
	fs.writeFileSync(passwordFile, `${password}\n`);
	giveToServerUser(passwordFile);

	const initdb = unprivileged(path.join(pgBin, 'initdb'), [
		'-D',
		dataDir,
		'-U',
		USER,
		`--pwfile=${passwordFile}`,
		'--auth-host=scram-sha-256',
		'--auth-local=reject',
		'--encoding=UTF8',
		'--locale=C',
		'--no-sync',
	]);
	execFileSync(initdb.command, initdb.args, { cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
	fs.rmSync(passwordFile);

	const port = await freePort();
	const logFile = path.join(folder, 'postgres.log');
	const server = unprivileged(path.join(pgBin, 'postgres'), [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'unix_socket_directories=',
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	]);
	const handle = await startServer({
		name: 'PostgreSQL',
		server,
		cwd: home,
		logFile,
		tiedTo: { pid: process.pid, folder },
		ready: () => {
			execFileSync(
				path.join(pgBin, 'pg_isready'),
				['-h', '127.0.0.1', '-p', String(port), '-U', USER, '-d', DATABASE],
				{ stdio: 'ignore' },
			);
			return true;
		},
		what: `PostgreSQL on port ${port}`,
		timeoutMs: 60_000,
	});
	return {
		handle,
		logFile,
		port,
		/** What n8n needs to use this server. */
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: DATABASE,
			DB_POSTGRESDB_USER: USER,
			DB_POSTGRESDB_PASSWORD: password,
		},
	};
}

module.exports = { startPostgres };
