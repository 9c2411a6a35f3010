/**
 * POSTs a bounded list of requests to 127.0.0.1 from `senders` concurrent senders over
 * keep-alive connections, each request with a timeout, and records every latency and status.
 */
import http from 'node:http';

export async function postAll(url, requests, { senders = 20, timeoutMs = 30_000 } = {}) {
	const target = new URL(url);
	if (target.hostname !== '127.0.0.1')
		throw new Error(`Refusing to send benchmark traffic to ${target.hostname}`);
	const agent = new http.Agent({ keepAlive: true, maxSockets: senders });
	const latenciesMs = new Array(requests.length);
	const statuses = {};
	let next = 0;

	const postOne = (request) =>
		new Promise((resolve) => {
			const started = process.hrtime.bigint();
			const req = http.request(
				{
					agent,
					host: target.hostname,
					port: target.port,
					path: `${target.pathname}${target.search}`,
					method: 'POST',
					headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
					timeout: timeoutMs,
				},
				(res) => {
					res.resume();
					res.on('end', () =>
						resolve({
							status: res.statusCode,
							ms: Number(process.hrtime.bigint() - started) / 1e6,
						}),
					);
				},
			);
			req.on('timeout', () => req.destroy(new Error('timeout')));
			req.on('error', (error) =>
				resolve({
					status: error.message === 'timeout' ? 'timeout' : 'error',
					ms: Number(process.hrtime.bigint() - started) / 1e6,
				}),
			);
			req.end(request.body);
		});

	const sender = async () => {
		while (next < requests.length) {
			const index = next++;
			const { status, ms } = await postOne(requests[index]);
			latenciesMs[index] = ms;
			statuses[status] = (statuses[status] ?? 0) + 1;
		}
	};

	const started = Date.now();
	const startedHr = process.hrtime.bigint();
	await Promise.all(Array.from({ length: Math.min(senders, requests.length) }, sender));
	const seconds = Number(process.hrtime.bigint() - startedHr) / 1e9;
	agent.destroy();
	return { started, seconds, latenciesMs, statuses };
}
