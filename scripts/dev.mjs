#!/usr/bin/env node
/**
 * `npm run dev`: the pinned n8n (installed into the cache on first use) with this package
 * built, packed and installed the way n8n installs a community package, on
 * http://localhost:5678. Ctrl+C stops it. Data stays in N8N_USER_FOLDER between runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureN8n, cacheRoot } = require('./lib/n8nInstall.cjs');
const { buildAndPack, installTarball } = require('./lib/packageInstall.cjs');
const { n8nEnv, startN8n, waitForN8n } = require('./lib/n8nProcess.cjs');

const port = Number(process.env.N8N_PORT || 5678);
const userFolder = path.resolve(
	process.env.N8N_USER_FOLDER || path.join(cacheRoot(), 'dev-user-folder'),
);
const started = Date.now();
const say = (line) => console.log(`[dev] ${line}`);

let runtime;
try {
	runtime = await ensureN8n({ say });
	say('Building and packing n8n-nodes-linqapp.');
	const tarball = buildAndPack();
	const { manifest } = installTarball(tarball, userFolder);
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	say(
		`Installed ${manifest.name}@${manifest.version} into ${path.join(userFolder, '.n8n', 'nodes')}.`,
	);
} catch (error) {
	// The build and npm already printed their own output above; the stack adds nothing.
	console.error(`[dev] ${error.message.split('\n')[0]}`);
	process.exit(1);
}

const server = startN8n({
	runtime,
	env: n8nEnv({ runtime, userFolder, port, brokerPort: port + 1, host: 'localhost' }),
});
say(`Starting n8n ${runtime.n8nVersion} (pid ${server.pid}) with N8N_USER_FOLDER=${userFolder}.`);

let shuttingDown = false;
const shutdown = async (code) => {
	if (shuttingDown) return;
	shuttingDown = true;
	say('Stopping n8n.');
	await server.stop();
	process.exit(code);
};
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
server.exited.then(({ code, signal }) => {
	if (shuttingDown) return;
	say(`n8n stopped on its own (${signal || `exit ${code}`}).`);
	process.exit(code || 1);
});

try {
	await waitForN8n(`http://127.0.0.1:${port}`, { exited: server.exited });
} catch (error) {
	console.error(error.message);
	await shutdown(1);
}
say(`n8n is ready after ${Math.round((Date.now() - started) / 1000)} s.`);
say(`Open http://localhost:${port} and search the node panel for "Linq". Ctrl+C stops n8n.`);
