/**
 * An interrupted benchmark (Ctrl+C, SIGTERM) still runs `cleanup` (stop the n8n it started,
 * remove its folder) before the process ends with that signal. Returns the function that
 * removes the handlers once the benchmark has cleaned up itself.
 */
export function cleanUpOnInterrupt(cleanup) {
	const interrupted = async (signal) => {
		await cleanup();
		process.kill(process.pid, signal);
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	return () => {
		process.off('SIGINT', interrupted);
		process.off('SIGTERM', interrupted);
	};
}
