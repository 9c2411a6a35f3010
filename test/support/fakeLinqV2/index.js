'use strict';
/**
 * A fake of Linq's legacy V2 Partner API on 127.0.0.1, for unit and end-to-end tests (and by
 * hand: `node test/support/fakeLinqV2`). Paths, bodies and answers follow the OpenAPI fragments
 * of the V2 reference (shared seed 004): it checks the X-LINQ-INTEGRATION-TOKEN, refuses what the
 * reference marks as required with V2's two error formats, records every request (multipart
 * bodies parsed into fields and files), pages with page/per_page/meta, keeps the secret each
 * webhook subscription was created with, and delivers events signed as V2 signs them:
 * `X-Webhook-Signature: sha256=<hex HMAC-SHA256>` over the body, or over its canonical form
 * (keys sorted recursively) when asked to.
 *
 * This file is the server and its state; each resource's routes live in their own module
 * beside it, as the node's operations live in nodes/LinqV2Legacy/actions/<resource>/.
 */
const fakeServer = require('../fakeServer');
const { parseMultipart, formValues } = require('../multipart');
const { V2_LINES } = require('./common');
const { V2_EVENTS, canonicalJson, signV2, v2MessageEvent } = require('./events');
const { phoneNumberRoutes, phoneNumbersState } = require('./phoneNumbers');
const { chatRoutes } = require('./chats');
const { chatMessageRoutes } = require('./chatMessages');
const { reactionRoutes } = require('./reactions');
const { contactRoutes } = require('./contacts');
const { webhookSubscriptionRoutes, subscriptionById } = require('./webhookSubscriptions');
const { iMessageRoutes } = require('./iMessage');

const DEFAULT_V2_TOKEN = 'linq_v2_e2e_token_9d41c07a';
const PREFIX = '/api/partner/v2';

const api = fakeServer.createRouter(
	phoneNumberRoutes,
	chatRoutes,
	chatMessageRoutes,
	reactionRoutes,
	contactRoutes,
	webhookSubscriptionRoutes,
	iMessageRoutes,
);

function createState() {
	return {
		nextId: 1000,
		phoneNumbers: phoneNumbersState(),
		chats: new Map(),
		messages: new Map(),
		reactions: new Map(),
		contacts: new Map(),
		subscriptions: new Map(),
		sentKeys: new Map(),
	};
}

function sendJson(res, status, body, headers = {}) {
	if (status === 204 || body === undefined) {
		res.writeHead(status, headers);
		return res.end();
	}
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

const errorBody = (status, code, title, detail) => ({
	errors: [{ status, code, title, detail }],
});

async function startFakeLinqV2({ token = DEFAULT_V2_TOKEN, port = 0 } = {}) {
	let state = createState();
	const requests = [];
	const faults = fakeServer.createFaultQueue();
	const log = fakeServer.createDeliveryLog();

	async function handle(req, res) {
		const parsed = new URL(req.url, 'http://x');
		const raw = await fakeServer.readBody(req);
		const contentType = req.headers['content-type'] || '';
		const multipart = contentType.startsWith('multipart/form-data');
		let body;
		let files = [];
		if (multipart) {
			const fields = parseMultipart(raw, contentType) ?? [];
			files = fields.filter((field) => field.fileName !== undefined);
			body = formValues(fields);
		} else if (raw.length > 0) {
			body = fakeServer.parseJson(raw);
		}
		const path = parsed.pathname.startsWith(PREFIX)
			? parsed.pathname.slice(PREFIX.length)
			: undefined;
		const record = {
			method: req.method,
			path: parsed.pathname,
			query: Object.fromEntries(parsed.searchParams.entries()),
			searchParams: [...parsed.searchParams.entries()],
			headers: req.headers,
			contentType,
			body,
			files,
			rawBody: raw,
		};
		requests.push(record);
		if (path === undefined)
			return sendJson(res, 404, errorBody(404, 'not_found', 'Not Found', 'No route'));

		const fault = faults.take(req.method, path);
		if (fault) {
			record.status = fault.status;
			const headers =
				fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
			return sendJson(
				res,
				fault.status,
				errorBody(
					fault.status,
					fault.code ?? 'fault',
					'Injected',
					fault.detail ?? 'Injected fault',
				),
				{ 'x-request-id': 'req-fault-1', ...headers },
			);
		}
		if (req.headers['x-linq-integration-token'] !== token) {
			record.status = 401;
			return sendJson(
				res,
				401,
				errorBody(401, 'unauthorized', 'Unauthorized', 'Invalid integration token'),
			);
		}
		const route = api.find(req.method, path);
		if (!route) {
			record.status = 404;
			return sendJson(
				res,
				404,
				errorBody(404, 'not_found', 'Not Found', `No route for ${req.method} ${path}`),
			);
		}
		return fakeServer.respond(
			route,
			{ body, query: record.query, searchParams: parsed.searchParams, multipart, state },
			{ res, record, sendJson },
		);
	}

	const server = await fakeServer.listen(handle, {
		port,
		crashed: (res, error) => sendJson(res, 500, errorBody(500, 'internal', 'Error', String(error))),
	});

	return {
		token,
		/** What the credential's Base URL should be (V2 paths start with /api/partner/v2). */
		get baseUrl() {
			return server.url;
		},
		requests,
		deliveries: log.deliveries,
		get state() {
			return state;
		},
		/** API requests, optionally by method and path below /api/partner/v2. */
		calls(method, path) {
			return requests.filter(
				(r) =>
					(!method || r.method === method) &&
					(!path ||
						(path instanceof RegExp
							? path.test(r.path.slice(PREFIX.length))
							: r.path === `${PREFIX}${path}`)),
			);
		},
		reset() {
			state = createState();
			requests.length = 0;
			log.deliveries.length = 0;
			faults.clear();
		},
		/** Queues a fault: `{method, path, status, retryAfter, code, detail, times}`, path below /api/partner/v2. */
		fail({ method, path, status, retryAfter, code, detail, times = 1 }) {
			faults.add({ method, path, status, retryAfter, code, detail, times });
		},
		subscriptions() {
			return [...state.subscriptions.values()];
		},
		/**
		 * Posts `event` to the subscription's webhook_url. `mode`: 'raw' (signature over the
		 * body as sent, the default), 'canonical' (the body is sent with its keys unsorted and
		 * spaced, the signature covers the canonical form), 'tampered' (body changed after
		 * signing), 'wrongSecret', 'unsigned'.
		 */
		async deliver(subscriptionOrId, event = v2MessageEvent(), { mode = 'raw' } = {}) {
			const subscription =
				typeof subscriptionOrId === 'object'
					? subscriptionOrId
					: subscriptionById(state, subscriptionOrId);
			let body = mode === 'canonical' ? JSON.stringify(event, null, 1) : JSON.stringify(event);
			const signed = mode === 'canonical' ? canonicalJson(event) : body;
			const secret = mode === 'wrongSecret' ? 'not-the-subscription-secret' : subscription.secret;
			const headers = { 'content-type': 'application/json' };
			if (mode !== 'unsigned') headers['x-webhook-signature'] = signV2(secret, signed);
			if (mode === 'tampered') body = body.replace(/"text":"/, '"text":"tampered ');
			return log.send({ target: subscription.webhook_url, headers, body, mode, event });
		},
		resend: log.resend,
		close: server.close,
	};
}

module.exports = {
	startFakeLinqV2,
	v2MessageEvent,
	canonicalJson,
	signV2,
	DEFAULT_V2_TOKEN,
	V2_LINES,
	V2_EVENTS,
};

if (require.main === module) {
	const port = Number(process.argv[2] || process.env.PORT || 4020);
	startFakeLinqV2({ port }).then((fake) => {
		console.log(`Fake Linq V2 on ${fake.baseUrl}`);
		console.log(`Integration token: ${fake.token}`);
	});
}
