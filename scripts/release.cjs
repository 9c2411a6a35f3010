#!/usr/bin/env node
'use strict';
/**
 * `npm run release -- <patch|minor|major|x.y.z>` on your machine: checks everything, then bumps
 * the version with a commit and a `v` tag. Pushing the tag lets the GitHub workflow publish.
 * `npm run release -- --publish` in GitHub Actions (.github/workflows/publish.yml): builds and
 * publishes with npm provenance. Publishing from a laptop is refused: n8n verifies only packages
 * published with provenance, which only a CI identity can sign.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');

/**
 * The repository's .npmrc sets ignore-scripts, which also skips `prepublishOnly` (the package
 * check) without a word; the flag turns scripts back on for this one command.
 */
const PUBLISH_ARGS = ['publish', '--provenance', '--access', 'public', '--ignore-scripts=false'];

function run(command, args) {
	console.log(`[release] ${command} ${args.join(' ')}`);
	execFileSync(command, args, { cwd: REPO, stdio: 'inherit' });
}

function output(command, args) {
	return execFileSync(command, args, { cwd: REPO, encoding: 'utf8' }).trim();
}

function fail(message) {
	console.error(`[release] ${message}`);
	process.exit(1);
}

function publish() {
	if (process.env.GITHUB_ACTIONS !== 'true')
		fail('Publishing runs in GitHub Actions only (npm provenance). Push a version tag instead.');
	const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	const tag = process.env.GITHUB_REF_NAME;
	if (tag !== `v${version}`)
		fail(`The tag ${tag} does not match package.json's version ${version}.`);
	run('npm', ['run', 'build']);
	run('npm', PUBLISH_ARGS);
}

function bump(version) {
	if (!version) fail('Say which version: npm run release -- <patch|minor|major|x.y.z>');
	if (output('git', ['status', '--porcelain']) !== '') fail('Commit or stash your changes first.');
	const branch = output('git', ['rev-parse', '--abbrev-ref', 'HEAD']);
	if (branch !== 'main') fail(`Release from main, not ${branch}.`);
	run('npm', ['run', 'build']);
	run('npm', ['run', 'lint']);
	run('npm', ['test']);
	run('npm', ['run', 'check:package']);
	run('npm', ['version', version, '--ignore-scripts=false', '-m', 'Release %s']);
	const tag = `v${JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version}`;
	console.log(`[release] Tagged ${tag}. Publish it with: git push origin main ${tag}`);
}

if (require.main === module) {
	const args = process.argv.slice(2);
	if (args.includes('--publish')) publish();
	else bump(args[0]);
}

module.exports = { PUBLISH_ARGS };
