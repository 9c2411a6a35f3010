'use strict';
/**
 * The plumbing both fake Linq servers (fakeLinq/ for V3, fakeLinqV2/ for V2) stand on: a route
 * table each resource module registers on, the loopback listener, the queue of injected faults
 * and the log of webhook deliveries. What differs between the two APIs (auth, error bodies, the
 * contract check) stays in each fake's index.js.
 */
const http = require('node:http');
const https = require('node:https');

/**
 * Routes as `[method, pattern, handler(params, ctx)]`, tried in the order they were added. Each
 * of `registrations` (one per resource module) adds its routes with `router.get(pattern, handler)` and the like.
 */
function createRouter(...registrations) {
	const routes = [];
	const on = (method) => (pattern, handler) => {
		routes.push([method, pattern, handler]);
	};
	const router = {
		get: on('GET'),
		post: on('POST'),
		put: on('PUT'),
		patch: on('PATCH'),
		delete: on('DELETE'),
		/** The handler for a request and the pattern's captured groups, or undefined. */
		find(method, path) {
			for (const [routeMethod, pattern, handler] of routes) {
				if (routeMethod !== method) continue;
				const match = pattern.exec(path);
				if (match) return { handler, params: match.slice(1) };
			}
			return undefined;
		},
	};
	for (const register of registrations) register(router);
	return router;
}

/** An error a route handler throws to be answered with `status`, `body` and `headers`. */
class FakeHttpError extends Error {
	constructor(status, message, body, headers = {}) {
		super(message);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

/**
 * Runs the route's handler and answers with its `{status, body}` (200 unless it says), or with
 * the FakeHttpError it threw; the status goes on the request's record.
 */
function respond(route, ctx, { res, record, sendJson }) {
	try {
		const result = route.handler(route.params, ctx);
		record.status = result.status ?? 200;
		return sendJson(res, record.status, result.body);
	} catch (error) {
		if (!(error instanceof FakeHttpError)) throw error;
		record.status = error.status;
		return sendJson(res, error.status, error.body, error.headers);
	}
}

/** A JSON body parsed, or undefined when it is not JSON. */
function parseJson(raw) {
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return undefined;
	}
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * Serves `handle(req, res)` on 127.0.0.1 (and, with `tls: {key, cert}`, a second https
 * listener on a free port). A handler that throws gets `crashed(res, error)` as its answer.
 */
async function listen(handle, { port = 0, tls, crashed }) {
	const listener = (req, res) => {
		handle(req, res).catch((error) => {
			if (!res.headersSent) crashed(res, error);
			else res.destroy();
		});
	};
	const servers = [http.createServer(listener)];
	if (tls) servers.push(https.createServer({ key: tls.key, cert: tls.cert }, listener));
	await Promise.all(
		servers.map(
			(server, index) =>
				new Promise((resolve) => server.listen(index === 0 ? port : 0, '127.0.0.1', resolve)),
		),
	);
	const [plain, secure] = servers.map((server) => server.address().port);
	return {
		url: `http://127.0.0.1:${plain}`,
		secureUrl: secure === undefined ? undefined : `https://127.0.0.1:${secure}`,
		async close() {
			for (const server of servers) {
				server.closeAllConnections?.();
				await new Promise((resolve) => server.close(() => resolve()));
			}
		},
	};
}

/**
 * Faults queued for the next matching request(s). A fault's `path` is a string, a RegExp, or a
 * string starting with `^` (read as a RegExp, for callers that send it as JSON).
 */
function createFaultQueue() {
	let faults = [];
	return {
		add({ path, times = 1, ...fault }) {
			const pattern = typeof path === 'string' && path.startsWith('^') ? new RegExp(path) : path;
			faults.push({ ...fault, path: pattern, remaining: times });
		},
		take(method, path) {
			const index = faults.findIndex(
				(fault) =>
					(!fault.method || fault.method === method) &&
					(!fault.path ||
						(fault.path instanceof RegExp ? fault.path.test(path) : fault.path === path)),
			);
			if (index === -1) return undefined;
			const fault = faults[index];
			fault.remaining -= 1;
			if (fault.remaining <= 0) faults.splice(index, 1);
			return fault;
		},
		clear() {
			faults = [];
		},
	};
}

async function post(url, headers, body) {
	const response = await fetch(url, {
		method: 'POST',
		headers,
		body,
		signal: AbortSignal.timeout(60_000),
	});
	return { status: response.status, body: await response.text() };
}

/**
 * Webhook deliveries as the receiver answered them. `send({target, headers, body, ...})` posts
 * and records one; `resend(delivery)` posts the very same bytes and headers again.
 */
function createDeliveryLog() {
	const deliveries = [];
	async function record(delivery) {
		const response = await post(delivery.target, delivery.headers, delivery.body);
		const answered = { ...delivery, status: response.status, response: response.body };
		deliveries.push(answered);
		return answered;
	}
	return {
		deliveries,
		send: record,
		resend: (delivery) => record({ ...delivery, resent: true }),
	};
}

module.exports = {
	createRouter,
	FakeHttpError,
	respond,
	parseJson,
	readBody,
	listen,
	createFaultQueue,
	createDeliveryLog,
};
