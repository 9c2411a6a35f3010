'use strict';
/**
 * What n8n's installer and strict lint expect of package.json and the repository, checked
 * without building. The packed tarball itself is checked by `npm run check:package`.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const manifest = JSON.parse(read('package.json'));

test('is an n8n community node package named n8n-nodes-linqapp, MIT licensed', () => {
	expect(manifest.name).toBe('n8n-nodes-linqapp');
	expect(manifest.keywords).toContain('n8n-community-node-package');
	expect(manifest.license).toBe('MIT');
	for (const key of ['description', 'homepage', 'author', 'repository'])
		expect(manifest[key]).toBeTruthy();
	expect(fs.existsSync(path.join(root, 'LICENSE'))).toBe(true);
});

test('ships only dist, with no runtime dependencies and n8n-workflow as the only peer', () => {
	expect(manifest.files).toEqual(['dist']);
	expect(manifest.dependencies ?? {}).toEqual({});
	expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(manifest.overrides).toBeUndefined();
	expect(manifest.bundleDependencies ?? manifest.bundledDependencies).toBeUndefined();
});

test('has no install lifecycle scripts, and the build, lint, test and package check scripts', () => {
	for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
		expect(manifest.scripts[hook]).toBeUndefined();
	expect(manifest.scripts).toMatchObject({
		build: 'gulp clean && tsc && gulp build:assets',
		lint: 'n8n-node lint && prettier --check .',
		test: 'node scripts/prepare.cjs && jest',
		'check:package': 'node scripts/check-package.mjs',
	});
});

test('the n8n block is strict, API version 1, and every path compiles from a source file', () => {
	expect(manifest.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
	const paths = [...manifest.n8n.credentials, ...manifest.n8n.nodes];
	expect(manifest.n8n.credentials).toContain('dist/credentials/LinqAppApi.credentials.js');
	expect(manifest.n8n.nodes).toContain('dist/nodes/Linq/Linq.node.js');
	for (const compiled of paths) {
		expect(compiled).toMatch(/^dist\/(credentials|nodes)\/.+\.(credentials|node)\.js$/);
		expect(
			fs.existsSync(path.join(root, compiled.replace(/^dist\//, '').replace(/\.js$/, '.ts'))),
		).toBe(true);
	}
});

test("the lint config is n8n's default, as strict mode requires", () => {
	const template = read(
		'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs',
	);
	const normalise = (text) => text.replace(/\s+/g, ' ').trim();
	expect(normalise(read('eslint.config.mjs'))).toBe(normalise(template));
});

test('tests, benches and scripts are kept out of the compiled output', () => {
	const tsconfig = JSON.parse(read('tsconfig.json'));
	expect(tsconfig.include).toEqual(['credentials/**/*', 'nodes/**/*']);
	expect(tsconfig.compilerOptions).toMatchObject({ strict: true, outDir: './dist/' });
	expect(tsconfig.exclude).toEqual(expect.arrayContaining(['test', 'bench', 'scripts']));
});

test('the .npmrc skips install scripts, which one lint dependency needs to install with npm', () => {
	expect(read('.npmrc')).toMatch(/^ignore-scripts=true$/m);
});

test('the light and dark icons are different SVG files', () => {
	for (const name of ['linq', 'linqV2']) {
		const light = read(`icons/${name}.svg`);
		const dark = read(`icons/${name}.dark.svg`);
		for (const icon of [light, dark])
			expect(icon).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^]*<\/svg>\s*$/);
		expect(light).not.toBe(dark);
	}
});

test('the lock file has an entry for every optional dependency, or npm ci refuses it', () => {
	const { packages } = JSON.parse(read('package-lock.json'));
	const missing = [];
	for (const [key, entry] of Object.entries(packages)) {
		for (const name of Object.keys(entry.optionalDependencies ?? {})) {
			const places = [];
			for (let base = key; ; base = base.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
				places.push(`${base ? `${base}/` : ''}node_modules/${name}`);
				if (!base) break;
			}
			if (!places.some((place) => packages[place]))
				missing.push(`${name} (wanted by ${key || 'the root'})`);
		}
	}
	expect(missing).toEqual([]);
});

test('the build empties dist/ first, so a deleted source file cannot ship', () => {
	const { execFileSync } = require('node:child_process');
	const os = require('node:os');
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-clean-'));
	try {
		fs.copyFileSync(path.join(root, 'gulpfile.js'), path.join(scratch, 'gulpfile.js'));
		fs.mkdirSync(path.join(scratch, 'dist/nodes/Gone'), { recursive: true });
		fs.writeFileSync(path.join(scratch, 'dist/nodes/Gone/Gone.node.js'), 'stale');
		execFileSync(
			process.execPath,
			[
				path.join(root, 'node_modules/gulp/bin/gulp.js'),
				'--gulpfile',
				'gulpfile.js',
				'--cwd',
				scratch,
				'clean',
			],
			{
				cwd: scratch,
				stdio: 'pipe',
				env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
			},
		);
		expect(fs.existsSync(path.join(scratch, 'dist'))).toBe(false);
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
});

test('every type name the package declares carries our prefix, so no other package can own it', () => {
	const owned = /^(linqApp|LinqApp|linq)/;
	const { LinqAppApi } = require('../../credentials/LinqAppApi.credentials');
	const { Linq } = require('../../nodes/Linq/Linq.node');
	const { LinqTrigger } = require('../../nodes/LinqTrigger/LinqTrigger.node');
	const { LinqAppV2Api } = require('../../credentials/LinqAppV2Api.credentials');
	const { LinqV2Legacy } = require('../../nodes/LinqV2Legacy/LinqV2Legacy.node');
	const {
		LinqV2LegacyTrigger,
	} = require('../../nodes/LinqV2LegacyTrigger/LinqV2LegacyTrigger.node');
	expect(new LinqAppApi().name).toMatch(/^linqApp/);
	expect(new LinqAppV2Api().name).toMatch(/^linqApp/);
	for (const Node of [Linq, LinqTrigger, LinqV2Legacy, LinqV2LegacyTrigger]) {
		const description = new Node().description;
		expect(description.name).toMatch(owned);
		for (const credential of description.credentials ?? [])
			expect(credential.name).toMatch(/^linqApp/);
	}
});
