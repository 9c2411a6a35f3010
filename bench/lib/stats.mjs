/** Small statistics for benchmark rounds: medians of rounds, percentiles of latencies. */

export function median(values) {
	return percentile(values, 50);
}

/** Nearest-rank percentile of `values` (not modified). */
export function percentile(values, p) {
	if (values.length === 0) return Number.NaN;
	const sorted = Float64Array.from(values).sort();
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function round(value, digits = 2) {
	const scale = 10 ** digits;
	return Math.round(value * scale) / scale;
}

/** `ok` as the word BENCHMARKS.md and the console use for a target. */
export function verdict(ok) {
	return ok ? 'met' : 'MISSED';
}
