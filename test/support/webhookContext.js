'use strict';
/**
 * Test doubles for the contexts n8n gives a webhook trigger: IHookFunctions for the
 * subscription lifecycle (checkExists, create, delete) and IWebhookFunctions for each
 * delivery. HTTP is real (the harness's axios sender), so nock sees every wire request.
 * Static data is the workflow-level object n8n keeps: pass the same one to several
 * contexts to carry state between calls, as n8n does by saving and reloading it.
 */
const crypto = require('crypto');
const { LinqTrigger } = require('../../nodes/LinqTrigger/LinqTrigger.node');
const {
	TEST_SIGNING_SECRET,
	defaultCredentials,
	defaultNode,
	requestHelpers,
} = require('./harness');
const { signatureHeaders } = require('./webhookSignature');

const PRODUCTION_URL = 'https://n8n.example.com/webhook/5f1c2d3e-trigger/webhook';
const TEST_URL = 'https://n8n.example.com/webhook-test/5f1c2d3e-trigger/webhook';

function triggerNode(overrides = {}) {
	return defaultNode({ name: 'Linq Trigger', type: 'n8n-nodes-linqapp.linqTrigger', ...overrides });
}

/** A fake express response that records what the node wrote. */
function createResponse() {
	const response = {
		statusCode: undefined,
		body: undefined,
		ended: false,
		status(code) {
			response.statusCode = code;
			return response;
		},
		send(body) {
			response.body = body;
			response.ended = true;
			return response;
		},
		json(body) {
			return response.send(body);
		},
		end() {
			response.ended = true;
			return response;
		},
	};
	return response;
}

function readParameter(params, name, fallback) {
	const value = name
		.split('.')
		.reduce((object, key) => (object == null ? undefined : object[key]), params);
	if (value !== undefined) return value;
	if (fallback === undefined)
		throw new Error(`Could not get parameter "${name}" (the test gave none and no fallback)`);
	return fallback;
}

const workflowIds = new WeakMap();

function workflowIdFor(staticData) {
	if (!workflowIds.has(staticData)) workflowIds.set(staticData, `workflow-${crypto.randomUUID()}`);
	return workflowIds.get(staticData);
}

/**
 * One context that serves as IHookFunctions and IWebhookFunctions.
 * - params: node parameters; staticData: the workflow static data object (shared across calls)
 * - mode: 'webhook' / 'trigger' for production, 'manual' for the editor's test listen
 * - webhookUrl: what getNodeWebhookUrl('default') answers
 * - request: { headers, rawBody, body } for webhook()
 * - workflowId: what getWorkflow().id answers; by default one id per static data object, so
 *   calls that share static data are one workflow and every fresh static data a new one
 */
function createTriggerContext({
	params = {},
	credentials = defaultCredentials(),
	node = triggerNode(),
	staticData = {},
	mode = 'webhook',
	webhookUrl = PRODUCTION_URL,
	request = { headers: {}, body: {} },
	workflowId = workflowIdFor(staticData),
} = {}) {
	const requests = [];
	const logs = [];
	const response = createResponse();
	const node_ = { ...node, parameters: params };
	const log = (level) => (message, meta) => logs.push({ level, message, meta });

	const ctx = {
		requests,
		logs,
		response,
		staticData,
		getNode: () => node_,
		getMode: () => mode,
		getInstanceId: () => 'instance-e2e-0001',
		getWorkflow: () => ({ id: workflowId, active: mode !== 'manual' }),
		getActivationMode: () => (mode === 'manual' ? 'manual' : 'activate'),
		getNodeParameter: (name, fallback) => readParameter(params, name, fallback),
		getCredentials: async () => ({ ...credentials }),
		getNodeWebhookUrl: (name) => (name === 'default' ? webhookUrl : undefined),
		getWorkflowStaticData(type) {
			const key = type === 'node' ? `node:${node_.name}` : 'global';
			if (staticData[key] === undefined) staticData[key] = {};
			return staticData[key];
		},
		getRequestObject: () => request,
		getHeaderData: () => request.headers,
		getBodyData: () => request.body,
		getResponseObject: () => response,
		logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
		helpers: {
			...requestHelpers({ credentials, node: node_, requests }),
			returnJsonArray(data) {
				return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
			},
		},
	};
	return ctx;
}

function nowSeconds() {
	return Math.floor(Date.now() / 1000);
}

/** Headers and body of a delivery signed like Linq signs it (see webhookSignature.js). */
function signDelivery(
	payload,
	{
		secret = TEST_SIGNING_SECRET,
		id = `msg_${crypto.randomBytes(8).toString('hex')}`,
		timestamp = nowSeconds(),
		standard = true,
		legacy = true,
	} = {},
) {
	const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
	const headers = {
		'content-type': 'application/json',
		...signatureHeaders(body, { secret, id, timestamp, standard, legacy }),
	};
	if (legacy) {
		headers['x-webhook-event'] = typeof payload === 'object' ? payload.event_type : 'unknown';
	}
	return {
		headers,
		rawBody: Buffer.from(body, 'utf8'),
		body: typeof payload === 'object' ? payload : undefined,
	};
}

/** The parameters most delivery tests run with: message.received from any line, no options. */
const DELIVERY_PARAMS = { events: ['message.received'], lines: [], options: {} };

/**
 * Workflow static data as the lifecycle leaves it after creating the production subscription.
 * Each call is a new subscription id unless `id` is given.
 */
function registeredStaticData(secret = TEST_SIGNING_SECRET, id = `sub_${crypto.randomUUID()}`) {
	return {
		'node:Linq Trigger': {
			registrations: {
				[PRODUCTION_URL]: {
					id,
					secret,
					targetUrl: `${PRODUCTION_URL}?version=2026-02-03`,
					events: ['message.received'],
					lines: [],
					test: false,
				},
			},
		},
	};
}

/** The items a webhook() result starts the workflow with (none when it started nothing). */
function emitted(result) {
	return result.workflowData ? result.workflowData[0] : [];
}

const defaultTrigger = new LinqTrigger();

/**
 * Runs webhook() for one delivery the way n8n does: a fresh context around the workflow's
 * static data. Other options go to createTriggerContext.
 */
async function runWebhook(
	request,
	{
		trigger = defaultTrigger,
		staticData = registeredStaticData(),
		params = DELIVERY_PARAMS,
		...context
	} = {},
) {
	const ctx = createTriggerContext({ params, staticData, request, ...context });
	const result = await trigger.webhook.call(ctx);
	return { result, ctx, staticData, emitted: emitted(result) };
}

module.exports = {
	DELIVERY_PARAMS,
	emitted,
	registeredStaticData,
	runWebhook,
	PRODUCTION_URL,
	TEST_URL,
	createResponse,
	createTriggerContext,
	nowSeconds,
	signDelivery,
	triggerNode,
};
