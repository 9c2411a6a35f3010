'use strict';
/**
 * The n8n install (minutes long) reports itself: each progress line carries the elapsed time,
 * the step, how far npm got and the one estimate the docs repeat.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const {
	INSTALL_ESTIMATE,
	countPackages,
	progressLine,
} = require('../../scripts/lib/n8nInstall.cjs');

const root = path.resolve(__dirname, '../..');

test('a progress line says elapsed time, step, packages so far and the estimate', () => {
	expect(progressLine({ elapsedMs: 135_400, step: 'npm install n8n', packages: 812 })).toBe(
		`2:15 npm install n8n: 812 of about 1500 packages unpacked (usually ${INSTALL_ESTIMATE} in all)`,
	);
	expect(progressLine({ elapsedMs: 15_000, step: 'npm install n8n', packages: 0 })).toBe(
		`0:15 npm install n8n: resolving packages (usually ${INSTALL_ESTIMATE} in all)`,
	);
	expect(progressLine({ elapsedMs: 601_000, step: 'compiling sqlite3' })).toBe(
		`10:01 compiling sqlite3 (usually ${INSTALL_ESTIMATE} in all)`,
	);
});

test('packages are counted as folders, scoped ones one by one', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-count-'));
	try {
		expect(countPackages(dir)).toBe(0);
		for (const name of ['a', 'b', '@n8n/x', '@n8n/y', '.bin'])
			fs.mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
		expect(countPackages(dir)).toBe(4);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

test('the docs and messages give the same estimate as the installer', () => {
	for (const file of ['README.md', 'CONTRIBUTING.md', '.ci/run']) {
		const text = fs.readFileSync(path.join(root, file), 'utf8');
		const estimates = [...text.matchAll(/(\d+)(?:-| to )(\d+) minutes/g)].map(
			([, a, b]) => `${a}-${b} minutes`,
		);
		expect({ file, estimates: [...new Set(estimates)] }).toEqual({
			file,
			estimates: [INSTALL_ESTIMATE],
		});
	}
});
