'use strict';
/**
 * n8n in queue mode on one machine, as a business runs it when one process is not enough:
 * a throw-away PostgreSQL and Redis, one main process (editor, REST and public API,
 * activation), `n8n worker` processes that run the executions and `n8n webhook` processes
 * that take webhook calls. All share one encryption key and database; each has its own user
 * folder with our packed tarball installed as a community package. Everything listens on
 * 127.0.0.1 and is stopped by `dispose()`, jest's globalTeardown or a signal (cleanup.js).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { installTarball } = require('../../../scripts/lib/packageInstall.cjs');
const { n8nEnv, startN8n, tail, waitForHttp } = require('../../../scripts/lib/n8nProcess.cjs');
const { createInstance, freePort, requireRuntime } = require('../../e2e/support/n8nInstance');
const { track, stopAll } = require('./cleanup');
const { requireServerBinaries } = require('./debianServer');
const { startPostgres } = require('./postgres');
const { startRedis } = require('./redis');

const say = (line) => process.stderr.write(`[queue] ${line}\n`);

/** Executions a worker's log says it started (n8n 2.41 logs this at info level). */
function executionsStartedIn(logFile) {
	if (!fs.existsSync(logFile)) return [];
	const text = fs.readFileSync(logFile, 'utf8');
	return [...text.matchAll(/Worker started execution (\S+) \(job/g)].map((match) => match[1]);
}

/**
 * Starts `n8n worker` or `n8n webhook` with the shared settings and waits until its health
 * endpoint says it reached the database (and, for workers, Redis).
 */
async function startProcess({ runtime, tarball, folder, role, index, shared }) {
	const name = `${role}-${index + 1}`;
	const userFolder = path.join(folder, name);
	fs.mkdirSync(userFolder, { recursive: true });
	installTarball(tarball, userFolder);
	const port = await freePort();
	const brokerPort = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const roleEnv =
		role === 'worker'
			? {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				}
			: {};
	const env = n8nEnv({ runtime, userFolder, port, brokerPort, extra: { ...shared, ...roleEnv } });
	const logFile = path.join(userFolder, 'n8n.log');
	const args = role === 'worker' ? ['worker', '--concurrency=10'] : ['webhook'];
	const handle = startN8n({ runtime, env, logFile, args, tiedTo: { pid: process.pid } });
	track(name, { handle });
	await waitForHttp(`${origin}/healthz/readiness`, {
		exited: handle.exited,
		logFile,
		timeoutMs: 300_000,
	});
	return {
		name,
		origin,
		pid: handle.pid,
		logFile,
		log: () => tail(logFile, 80),
		executionsStarted: () => executionsStartedIn(logFile),
	};
}

/**
 * `tarball`: our packed package; `env`: extra settings for every n8n process. Returns the
 * main instance's API (`rest`, `api`, `request`, `origin`) plus `webhooks` and `workers`.
 * `regular: true` starts the baseline the benchmark compares with: one regular-mode process on
 * the same kind of database, no Redis, no workers or webhook processes.
 */
async function startQueueCluster({
	tarball,
	env: extraEnv = {},
	workers = 2,
	webhooks = 2,
	regular = false,
}) {
	const { pgBin, redis: redisServer } = requireServerBinaries();
	const runtime = await requireRuntime();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-queue-'));
	// The database servers run as an unprivileged user and must reach their folders inside.
	fs.chmodSync(folder, 0o755);
	track('run folder', { folder, last: true });
	try {
		const started = Date.now();
		const postgres = await startPostgres({ pgBin, folder });
		track('postgres', { handle: postgres.handle, last: true });
		const redis = regular ? undefined : await startRedis({ redisServer, folder });
		if (redis) track('redis', { handle: redis.handle, last: true });
		const shared = {
			EXECUTIONS_MODE: regular ? 'regular' : 'queue',
			...postgres.env,
			...redis?.env,
			N8N_ENCRYPTION_KEY: crypto.randomBytes(24).toString('base64url'),
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
			N8N_LOG_LEVEL: 'info',
			...extraEnv,
		};
		// Main first: it migrates the database the others then use.
		const main = await createInstance({ tarball, env: shared });
		track('main', { handle: { pid: main.pid, stop: () => main.dispose() } });
		const [workerList, webhookList] = await Promise.all([
			Promise.all(
				Array.from({ length: regular ? 0 : workers }, (_, index) =>
					startProcess({ runtime, tarball, folder, role: 'worker', index, shared }),
				),
			),
			Promise.all(
				Array.from({ length: regular ? 0 : webhooks }, (_, index) =>
					startProcess({ runtime, tarball, folder, role: 'webhook', index, shared }),
				),
			),
		]);
		const what = regular
			? '1 regular-mode process'
			: `1 main, ${workers} workers, ${webhooks} webhook processes`;
		say(`${what} up in ${Math.round((Date.now() - started) / 1000)} s (${folder})`);
		return {
			main,
			origin: main.origin,
			request: main.request,
			rest: main.rest,
			api: main.api,
			workers: workerList,
			webhooks: webhookList,
			/** Process groups of every n8n process (main, workers, webhook processes). */
			pids: () => [main.pid, ...workerList.map((w) => w.pid), ...webhookList.map((w) => w.pid)],
			dispose: stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}

module.exports = { startQueueCluster };
