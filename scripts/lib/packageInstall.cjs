'use strict';
/**
 * Puts this package into an n8n user folder the way n8n's own community-package installer
 * does (n8n 2.41 CommunityPackagesService.downloadPackage): the packed tarball is unpacked into
 * `.n8n/nodes/node_modules/<name>`, its dev/peer/optional dependencies are dropped, `npm install`
 * runs there with scripts off and no lock file, and `.n8n/nodes/package.json` lists it.
 * Installing from the tarball, not the work tree, catches a wrong `files` list or `n8n` block.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');

function npm(args, cwd) {
	return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/**
 * `npm run build` then `npm pack`; returns the tarball path inside a fresh temp folder.
 * `quiet` shows the build's output only when it fails.
 */
function buildAndPack({ build = true, quiet = false } = {}) {
	if (build && !quiet) execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
	if (build && quiet) {
		const result = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8' });
		if (result.status !== 0) {
			process.stderr.write(`${result.stdout}${result.stderr}`);
			throw new Error(`npm run build failed (exit ${result.status}).`);
		}
	}
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-pack-'));
	const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', out], REPO));
	return path.join(out, info.filename);
}

function installTarball(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const manifest = JSON.parse(
		execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
	);
	const packageDir = path.join(nodesDir, 'node_modules', manifest.name);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	const { devDependencies, peerDependencies, optionalDependencies, ...kept } = manifest;
	fs.writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify(kept, null, 2));
	npm(
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		packageDir,
	);

	const listPath = path.join(nodesDir, 'package.json');
	const list = fs.existsSync(listPath)
		? JSON.parse(fs.readFileSync(listPath, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	list.dependencies = { ...list.dependencies, [manifest.name]: manifest.version };
	fs.writeFileSync(listPath, JSON.stringify(list, null, 2));
	return { packageDir, manifest };
}

module.exports = { REPO, buildAndPack, installTarball };
