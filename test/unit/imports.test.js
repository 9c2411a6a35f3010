'use strict';
/**
 * The shape of the code's dependencies, read from the import statements of every shipped source
 * file: layers point one way (credentials ← shared ← each node), no node reaches into another
 * node's folder, nothing imports in a circle, and only the modules n8n allows are used.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const ALLOWED_PACKAGES = new Set(['n8n-workflow', 'crypto', 'node:crypto']);

function sourceFiles(dir) {
	return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const relative = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(relative);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
	});
}

/** Import specifiers of one TypeScript file: `import … from 'x'`, `export … from 'x'`, `import 'x'`. */
function specifiersOf(source) {
	const found = [];
	const fromClause = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm;
	for (const match of source.matchAll(fromClause)) found.push(match[1]);
	for (const match of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push(match[1]);
	for (const match of source.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g))
		found.push(match[1]);
	return found;
}

function resolveLocal(from, specifier) {
	const base = path.join(path.dirname(from), specifier);
	for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')])
		if (fs.existsSync(path.join(root, candidate))) return candidate;
	throw new Error(`${from} imports ${specifier}, which is not a source file`);
}

const files = [...sourceFiles('nodes'), ...sourceFiles('credentials')];
const graph = new Map(
	files.map((file) => {
		const specifiers = specifiersOf(fs.readFileSync(path.join(root, file), 'utf8'));
		const local = specifiers.filter((s) => s.startsWith('.')).map((s) => resolveLocal(file, s));
		const packages = specifiers.filter((s) => !s.startsWith('.'));
		return [file, { local, packages }];
	}),
);

/** `nodes/<folder>` for node code, `nodes/shared`, or `credentials`. */
const layerOf = (file) =>
	file
		.split(path.sep)
		.slice(0, file.startsWith('nodes') ? 2 : 1)
		.join('/');

test('the import reader sees the imports it must judge (so the checks below can fail)', () => {
	expect(specifiersOf("import { a } from './a';\nimport type { B } from '../b';\n")).toEqual([
		'./a',
		'../b',
	]);
	expect(specifiersOf("export * as c from './c';\nimport './d';")).toEqual(['./c', './d']);
	expect(specifiersOf("export const NAME = 'x';\nimport {\n\ta,\n} from 'y';")).toEqual(['y']);
	expect(
		graph.get(path.join('nodes', 'LinqTrigger', 'LinqTrigger.node.ts')).local.length,
	).toBeGreaterThan(3);
});

test('only the packages n8n allows community nodes to import', () => {
	const offending = [...graph].flatMap(([file, { packages }]) =>
		packages.filter((name) => !ALLOWED_PACKAGES.has(name)).map((name) => `${file} → ${name}`),
	);
	expect(offending).toEqual([]);
});

test('layers point one way: credentials ← shared ← each node, and no node imports another', () => {
	const offending = [];
	for (const [file, { local }] of graph) {
		const from = layerOf(file);
		for (const target of local) {
			const to = layerOf(target);
			const allowed =
				to === from || to === 'credentials' || (to === 'nodes/shared' && from !== 'credentials');
			if (!allowed) offending.push(`${file} → ${target}`);
		}
	}
	expect(offending).toEqual([]);
});

test('nothing imports in a circle', () => {
	const state = new Map();
	const circles = [];
	const visit = (file, trail) => {
		if (state.get(file) === 'done') return;
		if (state.get(file) === 'open') {
			circles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
			return;
		}
		state.set(file, 'open');
		for (const target of graph.get(file).local) visit(target, [...trail, file]);
		state.set(file, 'done');
	};
	for (const file of graph.keys()) visit(file, []);
	expect(circles).toEqual([]);
});
