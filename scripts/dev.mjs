#!/usr/bin/env node
/**
 * `npm run dev`: dependencies from the lock file when missing or stale, this package built and
 * packed, then the pinned n8n (installed into the cache on first use) with the package installed
 * the way n8n installs a community package, on http://localhost:5678. Ctrl+C stops it. Data
 * stays in N8N_USER_FOLDER between runs.
 *
 * `--sandbox`: also the fake Linq on 127.0.0.1:4010 with seeded lines and chats, and a
 * "Linq (sandbox)" credential pointing at it (separate user folder). `--verbose`: all of n8n's
 * output; by default only its warnings and errors, the rest goes to n8n.log in the user folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureDependencies } = require('./prepare.cjs');
const { ensureN8n, cacheRoot } = require('./lib/n8nInstall.cjs');
const { buildAndPack, installTarball } = require('./lib/packageInstall.cjs');
const { n8nEnv, startN8n, waitForN8n } = require('./lib/n8nProcess.cjs');
const { isWorthShowing } = require('./lib/n8nOutput.cjs');

const args = new Set(process.argv.slice(2));
const sandbox = args.has('--sandbox');
const verbose = args.has('--verbose');
const port = Number(process.env.N8N_PORT || 5678);
const userFolder = path.resolve(
	process.env.N8N_USER_FOLDER ||
		path.join(cacheRoot(), sandbox ? 'sandbox-user-folder' : 'dev-user-folder'),
);
const logFile = path.join(userFolder, 'n8n.log');
const started = Date.now();
const say = (line) => console.log(`[dev] ${line}`);

let runtime;
let fake;
try {
	// Dependencies and the build first: a broken clone fails in seconds, not after the n8n install.
	ensureDependencies({ say });
	say('Building and packing n8n-nodes-linqapp.');
	const tarball = buildAndPack({ quiet: !verbose });
	say('Built.');
	runtime = await ensureN8n({ say });
	fs.mkdirSync(userFolder, { recursive: true });
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

const env = n8nEnv({ runtime, userFolder, port, brokerPort: port + 1, host: 'localhost' });
const sandboxLib = sandbox ? require('./lib/sandbox.cjs') : undefined;
if (sandbox) {
	try {
		fake = await sandboxLib.startSandbox();
		say(
			`Fake Linq (sandbox) on ${fake.url} with lines ${fake.state.phoneNumbers.map((line) => line.phone_number).join(', ')}.`,
		);
		say('Creating the "Linq (sandbox)" credential.');
		sandboxLib.importSandboxCredential({ runtime, env });
	} catch (error) {
		console.error(`[dev] Sandbox: ${error.message.split('\n')[0]}`);
		await fake?.close();
		process.exit(1);
	}
}

const server = startN8n({ runtime, env, pipe: true });
const log = fs.createWriteStream(logFile, { flags: 'a' });
for (const stream of [server.child.stdout, server.child.stderr]) {
	readline.createInterface({ input: stream }).on('line', (line) => {
		log.write(`${line}\n`);
		if (verbose || isWorthShowing(line)) console.log(`[n8n] ${line}`);
	});
}
say(
	`Starting n8n ${runtime.n8nVersion} (pid ${server.pid}) with N8N_USER_FOLDER=${userFolder}; ` +
		`its full output goes to ${logFile}${verbose ? '' : ' (--verbose shows it here)'}.`,
);

let shuttingDown = false;
const shutdown = async (code) => {
	if (shuttingDown) return;
	shuttingDown = true;
	say('Stopping n8n.');
	await server.stop();
	await fake?.close();
	log.end();
	process.exit(code);
};
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
server.exited.then(({ code, signal }) => {
	if (shuttingDown) return;
	say(`n8n stopped on its own (${signal || `exit ${code}`}); see ${logFile}.`);
	fake?.close();
	process.exit(code || 1);
});

try {
	await waitForN8n(`http://127.0.0.1:${port}`, { exited: server.exited });
} catch (error) {
	console.error(error.message);
	await shutdown(1);
}

const editor = `http://localhost:${port}`;
const credential = sandbox
	? '"Linq (sandbox)" (already there)'
	: 'a "Linq API" credential with your API token';
const ready = [
	'',
	`n8n is ready after ${Math.round((Date.now() - started) / 1000)} s: ${editor}`,
	'  1. Open it (the first time, create the owner account: it stays on this machine).',
	`  2. Add a Linq node (search "Linq", "sms" or "imessage") and pick ${credential}.`,
	sandbox
		? '  3. Add a Linq Trigger on the same credential, activate the workflow or click "Listen for test event",\n' +
			'     then send it an event from another terminal: npm run sandbox:event -- text "YES"\n' +
			'     (kinds: text, media, reaction, typing, duplicate).'
		: '  3. A Linq Trigger needs a public https URL: see "Local webhooks" in the README.',
	'Ctrl+C stops n8n.',
	'',
];
console.log(ready.join('\n'));
