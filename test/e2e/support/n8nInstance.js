'use strict';
/**
 * A throw-away n8n for the end-to-end suite: fresh user folder with our packed tarball in
 * `.n8n/nodes`, SQLite, free loopback ports, an owner and a public-API key. Only the process
 * group we spawned is ever signalled; the folder is removed on `dispose()`.
 */
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const {
	INSTALL_ESTIMATE,
	ensureN8n,
	isInstalled,
	runtimePaths,
} = require('../../../scripts/lib/n8nInstall.cjs');
const { installTarball, REPO } = require('../../../scripts/lib/packageInstall.cjs');
const { n8nEnv, startN8n, waitForN8n, tail } = require('../../../scripts/lib/n8nProcess.cjs');

const OWNER = {
	email: 'e2e-owner@linq.test',
	firstName: 'End',
	lastName: 'ToEnd',
	password: 'E2e-password-1234',
};
const BROWSER_ID = 'linq-e2e-browser';

const lowerFirst = (text) => text.charAt(0).toLowerCase() + text.slice(1);

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The cached n8n, or an install when LINQ_E2E_INSTALL_N8N=1; otherwise a clear failure that
 * says how to get it.
 */
async function requireRuntime() {
	if (isInstalled()) return runtimePaths();
	if (process.env.LINQ_E2E_INSTALL_N8N === '1')
		return await ensureN8n({ say: (line) => process.stderr.write(`[n8n] ${line}\n`) });
	throw new Error(
		`n8n is not installed in ${runtimePaths().dir}. Run \`npm run n8n:install\` first (${INSTALL_ESTIMATE}, once), ` +
			'or set LINQ_E2E_INSTALL_N8N=1 to let the suite install it.',
	);
}

/**
 * Talks to the n8n at `origin` as its owner: `setUpOwner()` once on a fresh instance, then
 * `rest` (the editor's API, session cookie) and `api` (the public API, key).
 */
function connectN8n(origin) {
	let cookie = '';
	let apiKey = '';

	async function request(method, urlPath, { body, headers = {}, raw = false } = {}) {
		const response = await fetch(`${origin}${urlPath}`, {
			method,
			headers: {
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...headers,
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
			signal: AbortSignal.timeout(180_000),
		});
		const text = await response.text();
		if (raw) return { status: response.status, headers: response.headers, text };
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: response.status, headers: response.headers, body: json, text };
	}

	async function rest(method, urlPath, body) {
		const response = await request(method, `/rest${urlPath}`, {
			body,
			headers: { cookie, 'browser-id': BROWSER_ID },
		});
		if (response.status >= 400) {
			throw new Error(
				`${method} /rest${urlPath} answered ${response.status}: ${response.text.slice(0, 500)}`,
			);
		}
		return response.body?.data ?? response.body;
	}

	async function api(method, urlPath, body) {
		const response = await request(method, `/api/v1${urlPath}`, {
			body,
			headers: { 'x-n8n-api-key': apiKey },
		});
		if (response.status >= 400) {
			throw new Error(
				`${method} /api/v1${urlPath} answered ${response.status}: ${response.text.slice(0, 500)}`,
			);
		}
		return response.body;
	}

	/** The public API needs a key, a key needs an owner: set both up once per instance. */
	async function setUpOwner() {
		const response = await request('POST', '/rest/owner/setup', {
			body: OWNER,
			headers: { 'browser-id': BROWSER_ID },
		});
		if (response.status >= 400)
			throw new Error(`Owner setup failed (${response.status}): ${response.text.slice(0, 500)}`);
		cookie = (response.headers.getSetCookie?.() ?? [])
			.map((entry) => entry.split(';')[0])
			.join('; ');
		const scopes = await rest('GET', '/api-keys/scopes');
		const key = await rest('POST', '/api-keys', { label: 'linq-e2e', scopes, expiresAt: null });
		apiKey = key.rawApiKey ?? key.apiKey;
		if (!apiKey) throw new Error(`No API key in ${JSON.stringify(key).slice(0, 300)}`);
	}

	return {
		request,
		rest,
		api,
		setUpOwner,
		get cookie() {
			return cookie;
		},
	};
}

/** `alsoInstall`: more community package tarballs, put beside ours the same way (benchmarks). */
async function createInstance({ tarball, alsoInstall = [], env: extraEnv = {} }) {
	const runtime = await requireRuntime();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-e2e-n8n-'));
	for (const each of [tarball, ...alsoInstall]) installTarball(each, userFolder);
	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const logFile = path.join(userFolder, 'n8n.log');
	const env = n8nEnv({
		runtime,
		userFolder,
		port,
		brokerPort,
		extra: {
			N8N_ENCRYPTION_KEY: 'linq-e2e-encryption-key-0123456789',
			N8N_LOG_LEVEL: 'info',
			...extraEnv,
		},
	});

	let server;

	async function start() {
		// Tied to the test process: a run stopped with Ctrl+C leaves no n8n and no folder behind.
		server = startN8n({ runtime, env, logFile, tiedTo: { pid: process.pid, folder: userFolder } });
		await waitForN8n(origin, { exited: server.exited, logFile, timeoutMs: 300_000 });
	}

	const client = connectN8n(origin);
	const { request, rest } = client;

	/** A package n8n cannot load makes every later step fail obscurely; say it first. */
	async function assertPackageLoaded() {
		const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
		const expectedNodes = (manifest.n8n?.nodes ?? []).map(
			(file) => `${manifest.name}.${lowerFirst(path.basename(file, '.node.js'))}`,
		);
		const expectedCredentials = (manifest.n8n?.credentials ?? []).map((file) =>
			lowerFirst(path.basename(file, '.credentials.js')),
		);
		const headers = { cookie: client.cookie, 'browser-id': BROWSER_ID };
		const nodes = (await request('GET', '/types/nodes.json', { headers })).body ?? [];
		const credentials = (await request('GET', '/types/credentials.json', { headers })).body ?? [];
		const missing = [
			...expectedNodes.filter((name) => !nodes.some((type) => type.name === name)),
			...expectedCredentials.filter((name) => !credentials.some((type) => type.name === name)),
		];
		if (expectedNodes.length === 0 || missing.length > 0) {
			throw new Error(
				`n8n did not load ${manifest.name} from ${path.join(userFolder, '.n8n', 'nodes')}: missing ${missing.join(', ') || 'an n8n block'}.\n` +
					tail(logFile, 400)
						.split('\n')
						.filter((line) => /linq|community|package|error/i.test(line))
						.slice(-15)
						.join('\n'),
			);
		}
	}

	try {
		await start();
		await client.setUpOwner();
		await assertPackageLoaded();
	} catch (error) {
		await server?.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}

	return {
		origin,
		port,
		userFolder,
		/** The process group of the running n8n (it changes on restart). */
		get pid() {
			return server?.pid;
		},
		logFile,
		owner: OWNER,
		runtime,
		get cookie() {
			return client.cookie;
		},
		request,
		rest,
		api: client.api,
		log: () => tail(logFile, 80),
		async restart() {
			await server.stop();
			await start();
		},
		async stop() {
			if (server) await server.stop();
		},
		async dispose() {
			if (server) await server.stop();
			fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

module.exports = { createInstance, connectN8n, requireRuntime, freePort, OWNER, BROWSER_ID };
