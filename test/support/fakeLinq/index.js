'use strict';
/**
 * A fake Linq Partner API V3 on 127.0.0.1 for end-to-end tests (and for trying the nodes by
 * hand: `node test/support/fakeLinq`). Response shapes follow @linqapp/sdk. It checks the Bearer
 * token, checks every API request against the V3 contract (linqContract.js: a request that
 * breaks it gets 400 with the zod issues), records every request, serves presigned uploads,
 * paginates with next_cursor, issues a whsec_ secret per webhook subscription, injects faults,
 * and delivers webhooks signed like Linq signs them.
 *
 * This file is the server, its state and the control API; each resource's routes live in their
 * own module beside it, as the node's operations live in nodes/Linq/actions/<resource>/.
 *
 * In-process use: `const fake = await startFakeLinq(); fake.baseUrl; fake.requests; ...`.
 * Other processes use the control API under /__control (see the list printed by `node`).
 */
const { contractIssues } = require('../linqContract');
const fakeServer = require('../fakeServer');
const { LINES, traceId } = require('./common');
const { EVENT_TYPES, messageEvent, signDelivery } = require('./events');
const { phoneNumberRoutes, phoneNumbersState } = require('./phoneNumbers');
const { chatRoutes, newChat } = require('./chats');
const { participantRoutes } = require('./participants');
const { messageRoutes } = require('./messages');
const { attachmentRoutes, storageRoutes } = require('./attachments');
const { capabilityRoutes } = require('./capability');
const { contactCardRoutes } = require('./contactCard');
const { webhookSubscriptionRoutes, subscriptionById } = require('./webhookSubscriptions');

const DEFAULT_TOKEN = 'linq_e2e_token_5b9c2d7e1f3a';
const API_PREFIX = '/api/partner';

const api = fakeServer.createRouter(
	phoneNumberRoutes,
	chatRoutes,
	participantRoutes,
	messageRoutes,
	attachmentRoutes,
	capabilityRoutes,
	contactCardRoutes,
	webhookSubscriptionRoutes,
);
const storage = fakeServer.createRouter(storageRoutes);

function createState() {
	return {
		phoneNumbers: phoneNumbersState(),
		chats: new Map(),
		messages: new Map(),
		attachments: new Map(),
		subscriptions: new Map(),
		contactCard: null,
	};
}

function sendJson(res, status, body, headers = {}) {
	const trace = traceId();
	if (status === 204) {
		res.writeHead(204, { 'x-trace-id': trace, ...headers });
		return res.end();
	}
	const payload = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', 'x-trace-id': trace, ...headers });
	res.end(payload);
}

const errorBody = (code, message) => ({ code, message, trace_id: traceId() });

function serialisable(record) {
	return { ...record, rawBody: record.rawBody.toString('base64') };
}

/**
 * `tls: {key, cert}` adds an HTTPS listener for presigned uploads and file downloads, which
 * real Linq serves over https only (our nodes refuse anything else).
 */
async function startFakeLinq({ token = DEFAULT_TOKEN, port = 0, tls } = {}) {
	let state = createState();
	const requests = [];
	const faults = fakeServer.createFaultQueue();
	let faultPlan;
	const log = fakeServer.createDeliveryLog();
	let url = '';
	let storageUrl = '';

	async function handleControl(req, res, path, raw) {
		const body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
		if (req.method === 'GET' && path === '/__control/requests')
			return sendJson(res, 200, { requests: fake.requests.map(serialisable) });
		if (req.method === 'GET' && path === '/__control/subscriptions') {
			return sendJson(res, 200, { subscriptions: [...state.subscriptions.values()] });
		}
		if (req.method === 'POST' && path === '/__control/reset')
			return sendJson(res, 200, (fake.reset(body), {}));
		if (req.method === 'POST' && path === '/__control/faults')
			return sendJson(res, 200, (fake.fail(body), {}));
		if (req.method === 'POST' && path === '/__control/deliver') {
			const { subscriptionId, event, mode } = body;
			return sendJson(
				res,
				200,
				await fake.deliver(subscriptionId, event ?? messageEvent(), { mode }),
			);
		}
		return sendJson(res, 404, errorBody(2001, 'Unknown control route'));
	}

	async function handle(req, res) {
		const parsed = new URL(req.url, 'http://127.0.0.1');
		const query = Object.fromEntries(parsed.searchParams);
		const raw = await fakeServer.readBody(req);
		const fullPath = parsed.pathname;
		if (fullPath.startsWith('/__control/')) return handleControl(req, res, fullPath, raw);

		const path = fullPath.startsWith(API_PREFIX) ? fullPath.slice(API_PREFIX.length) : fullPath;
		let body;
		const contentType = req.headers['content-type'] || '';
		if (raw.length && contentType.includes('json')) body = fakeServer.parseJson(raw);
		const record = {
			method: req.method,
			path,
			query,
			headers: req.headers,
			rawBody: raw,
			body,
			at: Date.now(),
		};
		requests.push(record);

		const fault = faults.take(req.method, path) ?? faultPlan?.(record);
		if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
		if (fault?.drop) return req.socket.destroy();
		if (fault?.status) {
			record.fault = fault.status;
			const headers =
				fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
			const code = fault.status === 429 ? 1007 : fault.status >= 500 ? 3001 : 1000;
			const message = fault.status === 429 ? 'Rate limit exceeded' : 'Internal server error';
			return sendJson(res, fault.status, errorBody(code, message), headers);
		}

		const stored = storage.find(req.method, path);
		if (stored) return stored.handler(stored.params, { req, res, query, raw, state });

		if (req.headers.authorization !== `Bearer ${token}`) {
			record.status = 401;
			return sendJson(res, 401, errorBody(1002, 'Invalid or missing API token'));
		}
		if (raw.length && body === undefined) {
			return sendJson(res, 400, errorBody(1001, 'Request body is not valid JSON'));
		}
		const route = api.find(req.method, path);
		if (!route) {
			record.status = 404;
			return sendJson(res, 404, errorBody(2000, `No route for ${req.method} ${path}`));
		}
		const broken = contractIssues(req.method, path, { body, query });
		if (broken.length > 0) {
			record.status = 400;
			record.contractIssues = broken;
			return sendJson(res, 400, {
				code: 1001,
				message: `The request breaks the V3 contract: ${broken.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
				issues: broken,
				trace_id: traceId(),
			});
		}
		return fakeServer.respond(
			route,
			{ body, query, headers: req.headers, state, storageUrl },
			{ res, record, sendJson },
		);
	}

	const servers = await fakeServer.listen(handle, {
		port,
		tls,
		crashed: (res, error) => sendJson(res, 500, errorBody(3000, String(error))),
	});
	url = servers.url;
	storageUrl = servers.secureUrl ?? url;

	const fake = {
		token,
		get url() {
			return url;
		},
		/** What the credential's Base URL should be. */
		get baseUrl() {
			return `${url}${API_PREFIX}`;
		},
		requests,
		deliveries: log.deliveries,
		get state() {
			return state;
		},
		/** Requests to the API (not uploads or control calls), optionally filtered. */
		calls(method, path) {
			return requests.filter(
				(r) =>
					r.path.startsWith('/v3/') &&
					(!method || r.method === method) &&
					(!path || (path instanceof RegExp ? path.test(r.path) : r.path === path)),
			);
		},
		reset({ keepSubscriptions = false } = {}) {
			const subscriptions = state.subscriptions;
			state = createState();
			if (keepSubscriptions) state.subscriptions = subscriptions;
			requests.length = 0;
			log.deliveries.length = 0;
			faults.clear();
			faultPlan = undefined;
		},
		/**
		 * Queues a fault for the next matching request(s): `{method, path, status, retryAfter,
		 * delayMs, drop, times}`; `path` is the API path without the /api/partner prefix.
		 */
		fail({ method, path, status, retryAfter, delayMs, drop = false, times = 1 }) {
			faults.add({ method, path, status, retryAfter, delayMs, drop, times });
		},
		/**
		 * `plan(record)` is asked about every request no queued fault matched and returns a fault
		 * (`{status, retryAfter, delayMs, drop}`) or undefined: per-request latency and a steady
		 * share of errors for load runs. `planFaults(undefined)` ends it.
		 */
		planFaults(plan) {
			faultPlan = plan;
		},
		subscriptions() {
			return [...state.subscriptions.values()];
		},
		/** Creates chats directly in the fake's state (for pagination tests), returns their ids. */
		seedChats(count, from = LINES[0]) {
			return Array.from(
				{ length: count },
				(_, index) => newChat(state, from, [`+1555020${String(index).padStart(4, '0')}`]).id,
			);
		},
		/**
		 * Delivers `event` to the subscription's target_url the way Linq does. `mode`:
		 * 'signed' (default), 'tampered' (body changed after signing), 'stale' (timestamp 10 min
		 * old), 'malformed' (signed, but not JSON), 'unsigned'. Returns the delivery with the
		 * receiver's status; `resend(delivery)` sends the very same bytes and headers again.
		 */
		async deliver(subscriptionOrId, event = messageEvent(), { mode = 'signed', webhookId } = {}) {
			const subscription =
				typeof subscriptionOrId === 'string'
					? subscriptionById(state, subscriptionOrId)
					: subscriptionOrId;
			let body =
				mode === 'malformed' ? '{"event_type":"message.received","data":' : JSON.stringify(event);
			const timestamp = Math.floor(Date.now() / 1000) - (mode === 'stale' ? 600 : 0);
			let headers = signDelivery({
				secret: subscription.signing_secret,
				body,
				eventType: event.event_type,
				subscriptionId: subscription.id,
				webhookId,
				timestamp,
			});
			if (mode === 'tampered') body = body.replace(/"value":"/, '"value":"tampered ');
			if (mode === 'unsigned') headers = { 'content-type': 'application/json' };
			return log.send({ target: subscription.target_url, headers, body, mode, event });
		},
		resend: log.resend,
		/** Origin of presigned uploads and file downloads (https when started with `tls`). */
		get storageUrl() {
			return storageUrl;
		},
		close: servers.close,
	};
	return fake;
}

module.exports = { startFakeLinq, messageEvent, signDelivery, DEFAULT_TOKEN, LINES, EVENT_TYPES };

if (require.main === module) {
	const port = Number(process.argv[2] || process.env.PORT || 4010);
	startFakeLinq({ port }).then((fake) => {
		console.log(`Fake Linq on ${fake.url}`);
		console.log(`Credential Base URL: ${fake.baseUrl}`);
		console.log(`API token: ${fake.token}`);
		console.log('Control API: GET /__control/requests, GET /__control/subscriptions,');
		console.log('  POST /__control/faults {method,path,status,retryAfter,delayMs,drop,times},');
		console.log('  POST /__control/deliver {subscriptionId,mode,event}, POST /__control/reset');
	});
}
