'use strict';
/**
 * The Linq nodes' execute() run in n8n-core's own ExecuteContext (see n8nRuntime.js): parameter
 * defaults, expressions, continue-on-fail, static data and the request helpers are n8n's. HTTP is
 * real and goes through n8n's own request function, so nock sees the exact wire request, and the
 * Authorization header comes from the credential class's own `authenticate` definition.
 */
const {
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	WorkflowExecute,
} = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const {
	Container,
	fromN8nCore,
	additionalDataFor,
	nodeTypes,
	perItemParameters,
	runExecutionDataFor,
	workflowFor,
	workflowNode,
} = require('./n8nRuntime');

const { OutboundHttp } = fromN8nCore('@n8n/backend-network');

const TEST_TOKEN = 'tok_test_7f3a9c1e5b2d4f60';
const TEST_SIGNING_SECRET = 'whsec_dGVzdC1zaWduaW5nLXNlY3JldC0xMjM0NQ==';
const BASE_URL = 'https://api.linq.test/api/partner';

function defaultCredentials(overrides = {}) {
	return { apiToken: TEST_TOKEN, baseUrl: BASE_URL, webhookSigningSecret: '', ...overrides };
}

function defaultNode(overrides = {}) {
	return {
		id: 'node-0001',
		name: 'Linq',
		type: 'n8n-nodes-linqapp.linq',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...overrides,
	};
}

/**
 * Sends an n8n IHttpRequestOptions through n8n's own request function (the one behind
 * `helpers.httpRequest` in n8n-core 2.41), for tests of the credential's own test request.
 */
async function sendLikeN8n(options) {
	return await Container.get(OutboundHttp)
		.requests()
		.request({ ...options });
}

/** The credential type a test's credentials belong to: V2 credentials carry an integration token. */
function credentialTypeOf(credentials) {
	return 'integrationToken' in credentials ? 'linqAppV2Api' : 'linqAppApi';
}

/** The node V2 credentials run by default: v2Harness.js gives the credentials, not the node. */
function nodeFor(node, credentials) {
	if (node) return node;
	return credentialTypeOf(credentials) === 'linqAppV2Api'
		? defaultNode({ name: 'Linq V2 (Legacy)', type: 'n8n-nodes-linqapp.linqV2Legacy' })
		: defaultNode();
}

/**
 * A logger that records what the node logged (`ctx.logs`); n8n's own writes to the console.
 * An own property of the context, so a test may replace it.
 */
/**
 * Our node as n8n stores it in a workflow: `params` is an object, or a function of the item
 * index for parameters that differ per item (they become per-item expressions).
 */
function storedNode({ node, credentials, params, items, continueOnFail }) {
	return workflowNode({
		...nodeFor(node, credentials),
		parameters: typeof params === 'function' ? perItemParameters(params, items.length) : params,
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	});
}

function recordingLogger(logs) {
	const log = (level) => (message, meta) => logs.push({ level, message, meta });
	return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * Records the context's unauthenticated requests in `requests` (the credentials helper records
 * the authenticated ones), then sends them with n8n's own helper.
 */
function recordPlainRequests(ctx, requests) {
	const send = ctx.helpers.httpRequest;
	ctx.helpers.httpRequest = async (options) => {
		requests.push(options);
		return await send(options);
	};
}

/**
 * Lets a test replace one of the context's getters (`customData`) with its own value; until
 * then the getter is n8n's.
 */
function replaceableGetter(ctx, name) {
	let own = ctx;
	while (own && !Object.getOwnPropertyDescriptor(own, name)) own = Object.getPrototypeOf(own);
	const { get } = Object.getOwnPropertyDescriptor(own, name);
	Object.defineProperty(ctx, name, {
		configurable: true,
		get: () => get.call(ctx),
		set: (value) => Object.defineProperty(ctx, name, { value, writable: true, configurable: true }),
	});
}

/**
 * Builds n8n-core's real ExecuteContext for the node in a one-node workflow, as n8n builds it
 * when the node's turn comes in an execution.
 * - params: the node's parameters, or a function (itemIndex) => parameters for values that differ
 *   per item (they become expressions over $itemIndex, see n8nRuntime.perItemParameters)
 * - items: input items ({ json, binary? })
 * - continueOnFail: the node's "On Error: Continue" setting
 * - staticData: the workflow's static data (n8n keeps `global` and `node:<name>` keys in it)
 * - mode, workflowId: the execution mode and the workflow's id
 * The context also carries `requests` (every authenticated request sent) and `logs`.
 */
function createExecuteContext({
	params = {},
	items = [{ json: {} }],
	credentials = defaultCredentials(),
	node,
	continueOnFail = false,
	executionId = 'exec-1001',
	runIndex = 0,
	staticData = {},
	mode = 'manual',
	workflowId = 'workflow-1',
} = {}) {
	const requests = [];
	const logs = [];
	const stored = storedNode({ node, credentials, params, items, continueOnFail });
	const workflow = workflowFor(stored, {
		id: workflowId,
		active: mode !== 'manual',
		staticData,
	});
	const workflowNodeWithDefaults = workflow.getNode(stored.name);
	const additionalData = additionalDataFor({
		credentialsByType: { [credentialTypeOf(credentials)]: credentials },
		requests,
		executionId,
	});
	const runExecutionData = runExecutionDataFor(workflowNodeWithDefaults, items);
	const inputData = { main: [items] };
	const ctx = new ExecuteContext(
		workflow,
		workflowNodeWithDefaults,
		additionalData,
		mode,
		runExecutionData,
		runIndex,
		items,
		inputData,
		{ node: workflowNodeWithDefaults, data: inputData, source: null },
		[],
	);
	Object.defineProperty(ctx, 'logger', { value: recordingLogger(logs), writable: true });
	replaceableGetter(ctx, 'customData');
	recordPlainRequests(ctx, requests);
	return Object.assign(ctx, { requests, logs });
}

/**
 * Runs the node the way n8n runs a workflow: n8n-core's WorkflowExecute over the workflow
 * Input → node, the input items pinned to Input. n8n's engine then does what it does around
 * every node: builds its ExecuteContext, turns a thrown error into the node's error (or into the
 * regular output with On Error: Continue), and checks the output. Options as createExecuteContext.
 * Resolves to { output, error, run }: the node's first output, its error, n8n's IRun.
 */
async function runInWorkflow({
	params = {},
	items = [{ json: {} }],
	credentials = defaultCredentials(),
	node,
	continueOnFail = false,
	executionId = 'exec-1001',
	mode = 'manual',
	workflowId = 'workflow-1',
} = {}) {
	const requests = [];
	const stored = storedNode({ node, credentials, params, items, continueOnFail });
	const input = {
		id: 'node-input',
		name: 'Input',
		type: 'n8n-nodes-linqapp-test.input',
		typeVersion: 1,
		position: [-200, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		id: workflowId,
		name: 'Unit test',
		nodes: [input, stored],
		connections: { Input: { main: [[{ node: stored.name, type: 'main', index: 0 }]] } },
		active: mode !== 'manual',
		nodeTypes,
		settings: { timezone: 'UTC' },
	});
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: workflowId,
		name: 'Unit test',
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		active: false,
		settings: {},
	});
	const additionalData = {
		...additionalDataFor({
			credentialsByType: { [credentialTypeOf(credentials)]: credentials },
			requests,
			executionId,
		}),
		hooks,
	};
	const run = await new WorkflowExecute(additionalData, mode).run({
		workflow,
		startNode: workflow.getNode('Input'),
		pinData: { Input: items },
	});
	const task = run.data.resultData.runData[stored.name]?.[0];
	return {
		output: task?.data?.main?.[0],
		error: task?.error ?? run.data.resultData.error,
		run,
		requests,
	};
}

/**
 * n8n-core's real LoadOptionsContext, which n8n builds when the editor asks a node for a
 * dropdown's options or a list search: the node as the editor currently has it (`params`).
 */
function createLoadOptionsContext({
	params = {},
	credentials = defaultCredentials(),
	node,
	path = 'parameters',
} = {}) {
	const requests = [];
	const stored = workflowNode({ ...nodeFor(node, credentials), parameters: params });
	const workflow = workflowFor(stored);
	const additionalData = {
		...additionalDataFor({
			credentialsByType: { [credentialTypeOf(credentials)]: credentials },
			requests,
			executionId: undefined,
		}),
		currentNodeParameters: workflow.getNode(stored.name).parameters,
	};
	const ctx = new LoadOptionsContext(workflow, workflow.getNode(stored.name), additionalData, path);
	return Object.assign(ctx, { requests });
}

/** A binary property as n8n stores it in an item. */
function binaryProperty(buffer, fileName, mimeType) {
	return {
		data: Buffer.from(buffer).toString('base64'),
		mimeType,
		fileName,
		fileSize: String(buffer.length),
	};
}

module.exports = {
	BASE_URL,
	TEST_TOKEN,
	TEST_SIGNING_SECRET,
	binaryProperty,
	createExecuteContext,
	createLoadOptionsContext,
	defaultCredentials,
	runInWorkflow,
	defaultNode,
	credentialTypeOf,
	recordPlainRequests,
	recordingLogger,
	replaceableGetter,
	sendLikeN8n,
};
