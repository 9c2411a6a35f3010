/**
 * `npm run bench`: builds, packs, and runs every benchmark in one go, printing each ratio as
 * measured side by side in this run and writing the numbers to bench/results/.
 *   npm run bench -- --quick          short smoke run (or LINQ_BENCH_QUICK=1)
 *   npm run bench -- --only=pipeline  one or more of package,pipeline,batch,trigger,trigger-cost,queue
 * Trigger benchmark size and n8n settings: LINQ_BENCH_EVENTS (2000), LINQ_BENCH_ROUNDS (3),
 * LINQ_BENCH_N8N_ENV="NAME=value,..." (extra n8n environment for a diagnostic run).
 * Trigger cost benchmark: LINQ_BENCH_COST_EVENTS (300), LINQ_BENCH_COST_ROUNDS (3),
 * LINQ_BENCH_COST_STATES (0,5000,bound), LINQ_BENCH_COST_ENGINES (legacy,default).
 * Queue-mode benchmark: LINQ_BENCH_QUEUE_EVENTS (300), LINQ_BENCH_QUEUE_SENDERS (10).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { runBatchBench } from './batchSends.mjs';
import { packPackage, runPackageBench } from './packageSize.mjs';
import { runPipelineBench } from './pipeline.mjs';
import { runQueueBench } from './queueMode.mjs';
import { runTriggerCostBench } from './triggerCost.mjs';
import { runTriggerBench } from './triggerThroughput.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const ALL = ['package', 'pipeline', 'batch', 'trigger', 'trigger-cost', 'queue'];

const args = process.argv.slice(2);
const quick = args.includes('--quick') || process.env.LINQ_BENCH_QUICK === '1';
const onlyArg = args.find((arg) => arg.startsWith('--only='));
const selected = onlyArg ? onlyArg.slice('--only='.length).split(',') : ALL;
const unknown = selected.filter((name) => !ALL.includes(name));
if (unknown.length > 0) {
	console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Choose from ${ALL.join(', ')}.`);
	process.exit(2);
}

function gitCommit() {
	try {
		return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			cwd: REPO,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}).trim();
	} catch {
		return 'not a git checkout';
	}
}

function machine() {
	const n8nVersion = '2.41.1';
	return {
		date: new Date().toISOString(),
		nproc: os.availableParallelism(),
		cpu: os.cpus()[0]?.model ?? 'unknown',
		memoryGB: Math.round(os.totalmem() / 2 ** 30),
		loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
		node: process.version,
		n8nPinned: process.env.LINQ_N8N_VERSION || n8nVersion,
		commit: gitCommit(),
	};
}

async function main() {
	const started = Date.now();
	const results = { quick, machine: machine() };
	console.log(
		`bench: ${quick ? 'quick' : 'full'} run of ${selected.join(', ')} on ${results.machine.nproc} × ${results.machine.cpu}, Node ${process.version}`,
	);
	execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
	const pack =
		selected.includes('package') ||
		selected.includes('trigger') ||
		selected.includes('trigger-cost')
			? packPackage()
			: undefined;
	const dir = path.join(HERE, 'results');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(
		dir,
		`${results.machine.date.replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`,
	);
	// Written after every benchmark, so an interrupted run keeps what it measured.
	const save = () => {
		results.machine.loadAverageAtEnd = os.loadavg().map((value) => Math.round(value * 100) / 100);
		results.totalSeconds = Math.round((Date.now() - started) / 1000);
		fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
		fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
	};
	try {
		if (selected.includes('package')) results.package = runPackageBench({ pack });
		save();
		if (selected.includes('pipeline')) results.pipeline = await runPipelineBench({ quick });
		save();
		if (selected.includes('batch')) results.batch = await runBatchBench({ quick });
		save();
		if (selected.includes('trigger')) results.trigger = await runTriggerBench({ pack, quick });
		save();
		if (selected.includes('trigger-cost'))
			results.triggerCost = await runTriggerCostBench({
				pack,
				quick,
				progress: (partial) => {
					results.triggerCost = partial;
					save();
				},
			});
		save();
		if (selected.includes('queue')) results.queue = await runQueueBench({ quick });
		save();
	} finally {
		if (pack) fs.rmSync(path.dirname(pack.tarball), { recursive: true, force: true });
	}
	console.log(`bench: done in ${results.totalSeconds} s; results in ${path.relative(REPO, file)}`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
