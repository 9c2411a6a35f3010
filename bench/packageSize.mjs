/**
 * Benchmark 4: what a user downloads. Packs the built package with `npm pack --json` (the
 * tarball the real-n8n benchmark then installs) and reads its size and runtime dependencies.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { round, verdict } from './lib/stats.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_KB = 150;

export function packPackage() {
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-bench-pack-'));
	const [info] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
			cwd: REPO,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	);
	return { tarball: path.join(out, info.filename), info };
}

export function runPackageBench({ pack, log = console.log }) {
	const manifest = JSON.parse(
		execFileSync('tar', ['-xzOf', pack.tarball, 'package/package.json'], { encoding: 'utf8' }),
	);
	const runtimeDependencies = Object.keys(manifest.dependencies ?? {});
	const result = {
		tarball: pack.info.filename,
		packedBytes: pack.info.size,
		packedKB: round(pack.info.size / 1024, 1),
		unpackedKB: round(pack.info.unpackedSize / 1024, 1),
		files: pack.info.entryCount,
		runtimeDependencies,
		targetKB: TARGET_KB,
		sizeMet: pack.info.size <= TARGET_KB * 1024,
		dependenciesMet: runtimeDependencies.length === 0,
	};
	log(
		`package: ${result.packedKB} KB packed (${result.unpackedKB} KB unpacked, ${result.files} files), target <= ${TARGET_KB} KB: ` +
			`${verdict(result.sizeMet)}; runtime dependencies: ${runtimeDependencies.length} (target 0): ${verdict(result.dependenciesMet)}`,
	);
	return result;
}
