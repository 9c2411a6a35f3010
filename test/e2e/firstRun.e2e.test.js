'use strict';
/**
 * The README's two commands on a fresh clone, in either order: copies of the repository
 * without node_modules or dist. `npm run dev` must install from the lock file and build before
 * it starts the long n8n install (given an empty n8n cache here, and stopped as soon as that
 * install begins); `npm test` must install what it needs and pass. No n8n is started.
 */
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { REPO } = require('../../scripts/lib/packageInstall.cjs');

const copies = [];

/** The files git would hand a new clone (tracked plus new, not ignored), nothing built. */
function freshCopy() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-fresh-clone-'));
	copies.push(dir);
	const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
		cwd: REPO,
		encoding: 'utf8',
	})
		.split('\0')
		.filter((file) => file && fs.existsSync(path.join(REPO, file)));
	for (const file of files) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.copyFileSync(path.join(REPO, file), path.join(dir, file));
	}
	expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
	expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
	return dir;
}

/** An environment as in a new shell: no npm_* from the `npm run` that started jest. */
function shellEnv(extra = {}) {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
	);
	return { ...env, npm_config_prefer_offline: 'true', ...extra };
}

/**
 * Runs `npm run dev` until it starts installing n8n into an empty cache, then stops its
 * process group. Resolves with everything it printed up to then.
 */
function devUntilN8nInstall(dir) {
	const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-empty-n8n-cache-'));
	copies.push(cache);
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', 'dev'], {
			cwd: dir,
			env: shellEnv({ LINQ_N8N_CACHE_DIR: cache }),
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		let stopped = false;
		const read = (chunk) => {
			output += chunk;
			if (!stopped && /\[dev\] Installing n8n /.test(output)) {
				stopped = true;
				process.kill(-child.pid, 'SIGKILL');
			}
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.on('error', reject);
		child.on('exit', () =>
			stopped ? resolve(output) : reject(new Error(`npm run dev ended early:\n${output}`)),
		);
	});
}

function npmTest(dir) {
	return spawnSync('npm', ['test', '--', 'test/unit/package.test.js'], {
		cwd: dir,
		env: shellEnv(),
		encoding: 'utf8',
	});
}

// `rm -rf` removes two node_modules folders in seconds where fs.rmSync takes minutes.
afterAll(() => {
	if (copies.length) spawnSync('rm', ['-rf', ...copies]);
});

describe('a fresh clone', () => {
	let devFirst;
	let testFirst;

	test('npm run dev installs from the lock file and builds before it installs n8n', async () => {
		devFirst = freshCopy();
		const output = await devUntilN8nInstall(devFirst);
		const installing = output.indexOf('Installing dependencies from package-lock.json');
		const built = output.indexOf('[dev] Built.');
		const n8n = output.indexOf('[dev] Installing n8n ');
		expect(installing).toBeGreaterThan(-1);
		expect(built).toBeGreaterThan(installing);
		expect(n8n).toBeGreaterThan(built);
		expect(fs.existsSync(path.join(devFirst, 'node_modules', '.bin', 'tsc'))).toBe(true);
		expect(fs.existsSync(path.join(devFirst, 'dist', 'nodes', 'Linq', 'Linq.node.js'))).toBe(true);
	}, 900_000);

	test('npm test installs what it needs and passes', () => {
		testFirst = freshCopy();
		const result = npmTest(testFirst);
		expect(result.stdout).toMatch(/Installing dependencies from package-lock.json/);
		expect(result.stderr).toMatch(/Tests:\s+\d+ passed, \d+ total/);
		expect(result.status).toBe(0);
	}, 900_000);

	test('then each command works in the other clone without installing again', async () => {
		const result = npmTest(devFirst);
		expect(result.status).toBe(0);
		expect(result.stdout).not.toMatch(/Installing dependencies/);
		const output = await devUntilN8nInstall(testFirst);
		expect(output).not.toMatch(/Installing dependencies/);
		expect(output.indexOf('[dev] Built.')).toBeLessThan(output.indexOf('[dev] Installing n8n '));
	}, 900_000);
});
