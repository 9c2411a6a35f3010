'use strict';
/**
 * A throw-away Redis for one test run, on a free port of 127.0.0.1 only, with nothing written
 * to disk. Our own `redis-server`, never the machine's service. Runs in its own process group,
 * tied to this process.
 */
const net = require('node:net');
const path = require('node:path');

const { freePort } = require('../../e2e/support/n8nInstance');
const { ownedFolder, startServer, unprivileged } = require('./debianServer');

/** Resolves true when the server answers PING with PONG. */
function ping(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let answer = '';
		socket.setTimeout(2_000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk;
			if (answer.includes('\r\n')) socket.end();
		});
		socket.on('close', () => resolve(answer.startsWith('+PONG')));
		socket.on('error', () => resolve(false));
	});
}

async function startRedis({ redisServer, folder }) {
	const home = ownedFolder(path.join(folder, 'redis'));
	const port = await freePort();
	const logFile = path.join(folder, 'redis.log');
	const server = unprivileged(redisServer, [
		'--bind',
		'127.0.0.1',
		'--port',
		String(port),
		'--protected-mode',
		'yes',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		home,
		'--daemonize',
		'no',
	]);
	const handle = await startServer({
		name: 'redis-server',
		server,
		cwd: home,
		logFile,
		tiedTo: { pid: process.pid },
		ready: () => ping(port),
		what: `Redis on port ${port}`,
		timeoutMs: 30_000,
	});
	return {
		handle,
		logFile,
		port,
		env: { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) },
	};
}

module.exports = { startRedis };
