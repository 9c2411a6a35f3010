#!/usr/bin/env node
// Packs the package as npm would publish it and checks the tarball against what n8n needs
// to install it: run after `npm run build`. Exits non-zero with every problem listed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gunzipSync } from 'node:zlib';

const ICONS = [
	'dist/icons/linq.svg',
	'dist/icons/linq.dark.svg',
	'dist/icons/linqV2.svg',
	'dist/icons/linqV2.dark.svg',
];

/** Files of a gzipped tar, by path without npm's leading `package/`. */
function readTarball(file) {
	const tar = gunzipSync(readFileSync(file));
	const entries = new Map();
	const field = (offset, length) =>
		tar
			.subarray(offset, offset + length)
			.toString('utf8')
			.replace(/\0[^]*$/, '');
	for (let offset = 0; offset + 512 <= tar.length; ) {
		const name = field(offset, 100);
		if (name === '') break;
		const prefix = field(offset + 345, 155);
		const size = parseInt(field(offset + 124, 12).trim() || '0', 8);
		const type = field(offset + 156, 1);
		const path = (prefix ? `${prefix}/${name}` : name).replace(/^package\//, '');
		if (type === '0' || type === '')
			entries.set(path, tar.subarray(offset + 512, offset + 512 + size));
		offset += 512 + Math.ceil(size / 512) * 512;
	}
	return entries;
}

function pack() {
	const destination = mkdtempSync(join(tmpdir(), 'n8n-nodes-linqapp-pack-'));
	try {
		const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const [report] = JSON.parse(output);
		return { report, entries: readTarball(join(destination, report.filename)) };
	} finally {
		rmSync(destination, { recursive: true, force: true });
	}
}

function check({ report, entries }) {
	const problems = [];
	const fail = (message) => problems.push(message);
	const paths = [...entries.keys()];
	const manifest = JSON.parse(entries.get('package.json')?.toString('utf8') ?? '{}');

	if (manifest.dependencies && Object.keys(manifest.dependencies).length > 0) {
		fail(`dependencies must be empty, found: ${Object.keys(manifest.dependencies).join(', ')}`);
	}
	if (JSON.stringify(manifest.peerDependencies) !== JSON.stringify({ 'n8n-workflow': '*' })) {
		fail(
			`peerDependencies must be exactly {"n8n-workflow":"*"}, found ${JSON.stringify(manifest.peerDependencies)}`,
		);
	}
	if (JSON.stringify(manifest.files) !== JSON.stringify(['dist'])) {
		fail(`files must be ["dist"], found ${JSON.stringify(manifest.files)}`);
	}
	for (const hook of ['preinstall', 'install', 'postinstall']) {
		if (manifest.scripts?.[hook]) fail(`an install lifecycle script (${hook}) is not allowed`);
	}
	if (manifest.overrides) fail('overrides are not allowed');

	const credentials = manifest.n8n?.credentials ?? [];
	const nodes = manifest.n8n?.nodes ?? [];
	if (credentials.length === 0) fail('the n8n block lists no credentials');
	if (nodes.length === 0) fail('the n8n block lists no nodes');
	for (const path of [...credentials, ...nodes]) {
		if (!path.startsWith('dist/')) fail(`${path} in the n8n block is not under dist/`);
		if (!entries.has(path)) fail(`${path} is listed in the n8n block but missing from the tarball`);
	}
	if (!paths.some((path) => /^dist\/credentials\/.+\.credentials\.js$/.test(path))) {
		fail('dist/credentials holds no compiled credentials');
	}
	for (const icon of ICONS) if (!entries.has(icon)) fail(`${icon} is missing`);
	// The node panel finds a node by its codex aliases (sms, imessage, text message…).
	for (const node of nodes) {
		const codex = node.replace(/\.js$/, '.json');
		if (!entries.has(codex)) fail(`${codex} (the codex of ${node}) is missing`);
	}

	// Icons are referenced as `file:<path>` relative to the compiled node or credential.
	for (const path of [...credentials, ...nodes].filter((entry) => entries.has(entry))) {
		const code = entries.get(path).toString('utf8');
		for (const [, icon] of code.matchAll(/['"]file:([^'"]+)['"]/g)) {
			const resolved = posix.normalize(posix.join(posix.dirname(path), icon));
			if (!entries.has(resolved))
				fail(`${path} points at ${icon}, but ${resolved} is not in the tarball`);
		}
	}

	for (const path of paths) {
		if (/^(dist\/)?(test|bench|scripts)\//.test(path)) {
			fail(`${path} must not be shipped`);
		} else if (path.endsWith('.ts')) {
			fail(`TypeScript file ${path} must not be shipped (n8n loads the compiled JavaScript only)`);
		} else if (path.endsWith('.map')) {
			fail(
				`source map ${path} must not be shipped (it points at sources the package does not contain)`,
			);
		} else if (
			!path.startsWith('dist/') &&
			!/^(package\.json|README(\.md)?|LICENSE(\.md)?|CHANGELOG\.md)$/i.test(path)
		) {
			fail(`${path} is outside dist/`);
		}
	}
	return problems;
}

const packed = pack();
const problems = check(packed);
const { report } = packed;
console.log(
	`${report.filename}: ${report.entryCount} files, ${(report.size / 1024).toFixed(1)} kB packed, ${(report.unpackedSize / 1024).toFixed(1)} kB unpacked`,
);
if (problems.length > 0) {
	console.error(`The package is not ready to publish:\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(
	'Package contents OK: no dependencies, dist/ holds the credentials, nodes, codex files and icons.',
);
