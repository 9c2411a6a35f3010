'use strict';
/**
 * Starts and stops an n8n server on loopback only, with every call home switched off. The
 * server runs in its own process group so that stopping it also stops its task runners.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Names n8n accepts in N8N_DISABLED_MODULES; it refuses to start on an unknown one. */
function knownModules(runtime) {
	const config = path.join(
		runtime.dir,
		'node_modules',
		'@n8n',
		'backend-common',
		'dist',
		'modules',
		'modules.config.js',
	);
	return fs.existsSync(config) ? fs.readFileSync(config, 'utf8') : '';
}

/** Settings that keep n8n quiet and local; callers add their own on top. */
function n8nEnv({ runtime, userFolder, port, brokerPort, host = '127.0.0.1', extra = {} }) {
	const origin = `http://${host}:${port}`;
	// n8n runs in test mode (silent, different defaults) when it sees a test runner's variables.
	const { NODE_ENV, JEST_WORKER_ID, NODE_OPTIONS, ...inherited } = process.env;
	return {
		...inherited,
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: host,
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${origin}/`,
		N8N_WEBHOOK_URL: `${origin}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_TASK_TIMEOUT: '300',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_PYTHON_ENABLED: 'false',
		// The MCP server registry (newer n8n) refreshes itself from api.n8n.io on start.
		...(knownModules(runtime).includes("'mcp-registry'")
			? { N8N_DISABLED_MODULES: 'mcp-registry' }
			: {}),
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		DB_TYPE: 'sqlite',
		...extra,
	};
}

/**
 * Spawns `n8n start` (or `args`, e.g. ['worker']) detached (own process group); output goes to
 * `logFile`, to the caller (`pipe: true`: read `child.stdout` and `child.stderr`), or to our own
 * terminal. Returns { pid, child, exited, stop() }.
 */
function startN8n({ runtime, env, logFile, pipe = false, args = ['start'], tiedTo }) {
	return startDetached({
		command: runtime.nodeBin,
		args: [runtime.n8nBin, ...args],
		cwd: env.N8N_USER_FOLDER,
		env,
		logFile,
		pipe,
		tiedTo,
	});
}

/**
 * Spawns any server in its own process group, the way n8n is started above (the queue-mode
 * suite runs PostgreSQL and Redis like this). `tiedTo: {pid, folder}`: the server ends (and
 * `folder` goes) when that process is gone. Returns { pid, exited, stop() }.
 */
function startDetached({ command, args = [], cwd, env = process.env, logFile, pipe, tiedTo }) {
	let out = pipe ? 'pipe' : 'inherit';
	if (logFile) {
		fs.mkdirSync(path.dirname(logFile), { recursive: true });
		out = fs.openSync(logFile, 'a');
	}
	const [file, argv] = tiedTo
		? [
				process.execPath,
				[
					path.join(__dirname, 'n8nWatchdog.cjs'),
					String(tiedTo.pid),
					tiedTo.folder ?? '-',
					command,
					...args,
				],
			]
		: [command, args];
	const child = spawn(file, argv, { cwd, env, detached: true, stdio: ['ignore', out, out] });
	if (logFile) fs.closeSync(out);
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal })),
	);
	let stopping;
	return {
		pid: child.pid,
		child,
		exited,
		stop(graceMs = 20_000) {
			stopping ??= stopProcessGroup(child.pid, exited, graceMs);
			return stopping;
		},
	};
}

/** SIGTERM to the group we started, SIGKILL after `graceMs` if it is still there. */
async function stopProcessGroup(pid, exited, graceMs) {
	const signalGroup = (signal) => {
		try {
			process.kill(-pid, signal);
			return true;
		} catch {
			return false;
		}
	};
	if (!signalGroup('SIGTERM')) return;
	let timer;
	const timedOut = new Promise((resolve) => {
		timer = setTimeout(() => resolve('timeout'), graceMs);
	});
	const outcome = await Promise.race([exited, timedOut]);
	clearTimeout(timer);
	if (outcome === 'timeout') signalGroup('SIGKILL');
	// Runners may outlive the main process by a moment; the group goes with them.
	signalGroup('SIGKILL');
}

/** Polls `url` until it answers 200, the process exits, or `timeoutMs` passes. */
async function waitForHttp(url, { timeoutMs = 240_000, intervalMs = 500, exited, logFile } = {}) {
	const deadline = Date.now() + timeoutMs;
	let gone = false;
	exited?.then(() => {
		gone = true;
	});
	while (Date.now() < deadline) {
		if (gone) throw new Error(`n8n exited before ${url} answered.${logHint(logFile)}`);
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
			if (response.status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.${logHint(logFile)}`);
}

/**
 * Ready for clients: `/healthz/readiness` only says the database is migrated (n8n 2.8 answers
 * it before its REST routes exist), so the public `/rest/settings` must answer too.
 */
async function waitForN8n(origin, options = {}) {
	await waitForHttp(`${origin}/healthz/readiness`, options);
	await waitForHttp(`${origin}/rest/settings`, options);
}

function logHint(logFile) {
	return logFile ? ` Log: ${logFile}\n${tail(logFile)}` : '';
}

function tail(file, lines = 40) {
	if (!file || !fs.existsSync(file)) return '';
	return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

module.exports = {
	n8nEnv,
	startN8n,
	startDetached,
	stopProcessGroup,
	waitForHttp,
	waitForN8n,
	tail,
};
