/**
 * CPU time of whole process groups from /proc (Linux): user + system time of every process
 * still in the group, so an n8n process and its task runner count together. Time of processes
 * that already ended is not seen; the benchmarks start none during a measurement.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond;

function clockTicks() {
	if (ticksPerSecond === undefined) {
		try {
			ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
		} catch {
			ticksPerSecond = 100;
		}
	}
	return ticksPerSecond;
}

/** `{ [pgid]: cpuSeconds }` for the given process group ids; empty where /proc is missing. */
export function groupCpuSeconds(pgids) {
	const wanted = new Set(pgids.map(Number));
	const seconds = Object.fromEntries([...wanted].map((pgid) => [pgid, 0]));
	if (!fs.existsSync('/proc/self/stat')) return {};
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat;
		try {
			stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue;
		}
		// Fields after the command name, which is in parentheses and may contain spaces.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const pgid = Number(fields[2]);
		if (!wanted.has(pgid)) continue;
		seconds[pgid] += (Number(fields[11]) + Number(fields[12])) / clockTicks();
	}
	return seconds;
}
