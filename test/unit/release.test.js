'use strict';
/**
 * Publishing: the package check runs as `prepublishOnly`, and the release script's publish
 * command really runs it, although the repository's .npmrc sets ignore-scripts (which makes a
 * plain `npm publish` skip the hook without a word). Proved with npm itself on a probe package
 * that has the same .npmrc; `--dry-run` and an unreachable registry keep it offline.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { PUBLISH_ARGS } = require('../../scripts/release.cjs');

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const OFFLINE = ['--dry-run', '--offline', '--registry=http://127.0.0.1:9/'];

/** Runs `npm <args>` in a package with our .npmrc whose prepublishOnly leaves a marker file. */
function prepublishRanFor(args) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-release-probe-'));
	try {
		fs.copyFileSync(path.join(root, '.npmrc'), path.join(dir, '.npmrc'));
		fs.writeFileSync(path.join(dir, 'index.txt'), 'probe\n');
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({
				name: 'linq-release-probe',
				version: '1.0.0',
				files: ['index.txt'],
				scripts: { prepublishOnly: "node -e \"require('fs').writeFileSync('ran', '')\"" },
			}),
		);
		// Without the caller's npm_config_* (jest may run under `npm test`), as in a fresh shell.
		const env = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
		);
		execFileSync('npm', [...args, ...OFFLINE], { cwd: dir, env, stdio: 'ignore' });
		return fs.existsSync(path.join(dir, 'ran'));
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

test('prepublishOnly is the package check', () => {
	expect(manifest.scripts.prepublishOnly).toBe('npm run check:package');
	expect(manifest.scripts.release).toBe('node scripts/release.cjs');
});

test("with the repository's .npmrc a plain npm publish skips prepublishOnly", () => {
	expect(prepublishRanFor(['publish'])).toBe(false);
});

test("the release script's publish command runs prepublishOnly, with provenance", () => {
	expect(PUBLISH_ARGS).toEqual(expect.arrayContaining(['publish', '--provenance']));
	expect(prepublishRanFor(PUBLISH_ARGS)).toBe(true);
});

test('the release script refuses to publish outside GitHub Actions', () => {
	const { GITHUB_ACTIONS, ...env } = process.env;
	const result = spawnSync(process.execPath, ['scripts/release.cjs', '--publish'], {
		cwd: root,
		env,
		encoding: 'utf8',
	});
	expect(result.status).toBe(1);
	expect(result.stderr).toMatch(/GitHub Actions only/);
});

test('the publish workflow runs on version tags with the permission provenance needs', () => {
	const workflow = fs.readFileSync(path.join(root, '.github/workflows/publish.yml'), 'utf8');
	expect(workflow).toMatch(/tags:\s*\n\s*- 'v\*\.\*\.\*'/);
	expect(workflow).toMatch(/id-token: write/);
	expect(workflow).toMatch(/run: npm run release -- --publish/);
});
