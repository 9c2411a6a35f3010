#!/usr/bin/env node
'use strict';
/**
 * The first step of `npm test` and `npm run dev`, so both work on a fresh clone in either order:
 * installs the dependencies from package-lock.json when node_modules is missing or does not
 * match the lock file. `npm run dev` builds right after this, before the long n8n install.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');

/**
 * Packages the lock file wants that node_modules lacks or holds in another version. Optional
 * packages (other platforms' binaries) may be missing. Reading ~1,100 package.json files takes
 * a few tens of milliseconds, so this runs before every test run.
 */
function staleDependencies(repo = REPO) {
	const lockFile = path.join(repo, 'package-lock.json');
	const { packages = {} } = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
	const stale = [];
	for (const [location, entry] of Object.entries(packages)) {
		if (location === '' || entry.link || entry.optional) continue;
		let installed;
		try {
			installed = JSON.parse(
				fs.readFileSync(path.join(repo, location, 'package.json'), 'utf8'),
			).version;
		} catch {
			installed = undefined;
		}
		if (installed !== entry.version) stale.push(location.replace(/^node_modules\//, ''));
	}
	return stale;
}

/** Runs `npm ci` when needed; returns whether it did. Throws when npm fails. */
function ensureDependencies({ repo = REPO, say = (line) => console.log(line) } = {}) {
	const stale = staleDependencies(repo);
	if (stale.length === 0) return false;
	const why = fs.existsSync(path.join(repo, 'node_modules'))
		? `${stale.length} package(s) differ from package-lock.json, e.g. ${stale.slice(0, 3).join(', ')}`
		: 'node_modules is missing';
	say(`Installing dependencies from package-lock.json (${why}); about 2 minutes.`);
	// ignore-scripts comes from the repository's .npmrc (a lint plugin's preinstall is pnpm-only).
	const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
		cwd: repo,
		stdio: 'inherit',
	});
	if (result.status !== 0)
		throw new Error(`npm ci failed (${result.signal || `exit ${result.status}`}).`);
	if (Number(process.versions.node.split('.')[0]) < 24) {
		say(
			'An EBADENGINE warning above about isolated-vm (Node >= 24) is expected: it is the ' +
				'expression sandbox of the development dependency n8n-workflow 2.41, which the tests ' +
				'never start; n8n itself runs on its own Node 24.',
		);
	}
	return true;
}

if (require.main === module) {
	try {
		ensureDependencies({ say: (line) => console.log(`[prepare] ${line}`) });
	} catch (error) {
		console.error(`[prepare] ${error.message}`);
		process.exit(1);
	}
}

module.exports = { staleDependencies, ensureDependencies };
