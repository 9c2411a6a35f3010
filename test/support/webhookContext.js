'use strict';
/**
 * The trigger nodes run in n8n-core's own HookContext (subscription lifecycle: checkExists,
 * create, delete) and WebhookContext (each delivery), see n8nRuntime.js. HTTP is real, so nock
 * sees every wire request. Static data is the workflow-level object n8n keeps: pass the same one
 * to several contexts to carry state between calls, as n8n does by saving and reloading it. The
 * express request and response are the test's (`request`, and a response that records what the
 * node wrote).
 */
const crypto = require('crypto');
const { LinqTrigger } = require('../../nodes/LinqTrigger/LinqTrigger.node');
const { HookContext, WebhookContext } = require('n8n-core');
const { createRunExecutionData } = require('n8n-workflow');
const {
	TEST_SIGNING_SECRET,
	credentialTypeOf,
	defaultCredentials,
	defaultNode,
	recordPlainRequests,
	recordingLogger,
	replaceableGetter,
} = require('./harness');
const { additionalDataFor, workflowFor, workflowNode } = require('./n8nRuntime');
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

const workflowIds = new WeakMap();

function workflowIdFor(staticData) {
	if (!workflowIds.has(staticData)) workflowIds.set(staticData, `workflow-${crypto.randomUUID()}`);
	return workflowIds.get(staticData);
}

/**
 * The webhook id and the base URL n8n would give a node whose webhook URL is `url`:
 * `<base>/<webhookId>/webhook` (n8n-workflow's getNodeWebhookUrl).
 */
function webhookAddress(url) {
	const match = /^(.*)\/([^/]+)\/webhook$/.exec(url);
	if (!match) throw new Error(`${url} is not a webhook URL n8n would build (<base>/<id>/webhook)`);
	return { base: match[1], webhookId: match[2] };
}

/**
 * n8n-core's real contexts for a webhook trigger in a one-node workflow: a WebhookContext for
 * webhook() (a delivery) that also carries HookContext's getActivationMode, getNodeWebhookUrl
 * and getWebhookDescription for webhookMethods (checkExists, create, delete), so a test may
 * call either with the one object. Both share the workflow, its static data and credentials.
 * - params: node parameters; staticData: the workflow static data object (shared across calls)
 * - mode: 'webhook' / 'trigger' for production, 'manual' for the editor's test listen
 * - webhookUrl: where n8n says the node's webhook is (PRODUCTION_URL or TEST_URL)
 * - request: { headers, rawBody, body } for webhook()
 * - workflowId: by default one id per static data object, so calls that share static data are
 *   one workflow and every fresh static data a new one
 * - executionId, executionCustomData: for a waiting execution's resume URL, the execution n8n
 *   resumes and the custom data it kept (its `customData`)
 * The context also carries `requests`, `logs`, `response` and `staticData`.
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
	executionId,
	executionCustomData,
} = {}) {
	const requests = [];
	const logs = [];
	const response = createResponse();
	const runExecutionData =
		executionCustomData === undefined
			? null
			: createRunExecutionData({ resultData: { metadata: { ...executionCustomData } } });
	const { base, webhookId } = webhookAddress(webhookUrl);
	const isTest = base.endsWith('/webhook-test');
	const stored = workflowNode({ ...node, webhookId, parameters: params });
	const workflow = workflowFor(stored, { id: workflowId, active: mode !== 'manual', staticData });
	const workflowNodeWithDefaults = workflow.getNode(stored.name);
	const additionalData = {
		...additionalDataFor({
			credentialsByType: { [credentialTypeOf(credentials)]: credentials },
			requests,
			executionId,
		}),
		[isTest ? 'webhookTestBaseUrl' : 'webhookBaseUrl']: base,
		httpRequest: request,
		httpResponse: response,
	};
	const webhookData = {
		httpMethod: 'POST',
		node: stored.name,
		path: 'webhook',
		webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' },
		workflowId,
		isTest,
	};
	const hook = new HookContext(
		workflow,
		workflowNodeWithDefaults,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
		webhookData,
	);
	const ctx = new WebhookContext(
		workflow,
		workflowNodeWithDefaults,
		additionalData,
		mode,
		webhookData,
		[],
		runExecutionData,
	);
	for (const method of ['getActivationMode', 'getNodeWebhookUrl', 'getWebhookDescription']) {
		ctx[method] = hook[method].bind(hook);
	}
	Object.defineProperty(ctx, 'logger', { value: recordingLogger(logs), writable: true });
	replaceableGetter(ctx, 'customData');
	recordPlainRequests(ctx, requests);
	return Object.assign(ctx, { requests, logs, response, staticData });
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
