'use strict';
/**
 * Test doubles for the n8n contexts our nodes run in. HTTP is real: requests go through n8n's
 * own request function (@n8n/backend-network, installed with n8n-core), so nock sees the exact
 * wire request and redirects are followed as n8n follows them, and the
 * Authorization header comes from the credential class's own `authenticate` definition.
 */
const { OutboundHttp } = require('@n8n/backend-network');
const { Container } = require('@n8n/di');
const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const { LinqAppApi } = require('../../credentials/LinqAppApi.credentials');
const { LinqAppV2Api } = require('../../credentials/LinqAppV2Api.credentials');

/** The credential classes whose `authenticate` the helpers apply, by type. */
const CREDENTIAL_CLASSES = { linqAppApi: LinqAppApi, linqAppV2Api: LinqAppV2Api };

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

/** Resolves `={{$credentials.x}}`-style values the way n8n's generic authentication does. */
function resolveCredentialExpression(template, credentials) {
	if (typeof template !== 'string' || !template.startsWith('=')) return template;
	return template
		.slice(1)
		.replace(/\{\{\s*\$credentials\.([A-Za-z0-9_]+)\s*\}\}/g, (_, key) =>
			String(credentials[key] ?? ''),
		);
}

function applyGenericAuth(credentials, options, credentialsType = 'linqAppApi') {
	const auth = new CREDENTIAL_CLASSES[credentialsType]().authenticate;
	const headers = { ...(options.headers || {}) };
	for (const [key, value] of Object.entries(auth.properties.headers || {})) {
		headers[key] = resolveCredentialExpression(value, credentials);
	}
	return { ...options, headers };
}

/**
 * Sends an n8n IHttpRequestOptions through n8n's own request function (the one behind
 * `helpers.httpRequest` in n8n-core 2.41), so redirects, encodings, abort signals and
 * timeouts behave in the tests as they do in n8n.
 */
async function sendLikeN8n(options) {
	return await Container.get(OutboundHttp)
		.requests()
		.request({ ...options });
}

/**
 * n8n's request helpers for a context: authenticated calls get the credential's header and,
 * like n8n, wrap any failure in a NodeApiError; every request is recorded in `requests`.
 */
function requestHelpers({ credentials, node, requests }) {
	return {
		async httpRequestWithAuthentication(credentialsType, options) {
			if (!CREDENTIAL_CLASSES[credentialsType])
				throw new Error(`unexpected credentials ${credentialsType}`);
			const authed = applyGenericAuth(credentials, options, credentialsType);
			requests.push(authed);
			try {
				return await sendLikeN8n(authed);
			} catch (error) {
				throw new NodeApiError(node, error);
			}
		},
		async httpRequest(options) {
			requests.push(options);
			return await sendLikeN8n(options);
		},
		async prepareBinaryData(buffer, fileName, mimeType) {
			return {
				data: Buffer.from(buffer).toString('base64'),
				mimeType: mimeType || 'application/octet-stream',
				fileName,
				fileSize: String(buffer.length),
			};
		},
	};
}

function getPath(object, path) {
	return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);
}

/**
 * Builds an IExecuteFunctions-like object.
 * - params: an object of node parameters, or a function (itemIndex) => object for per-item values
 * - items: input items ({ json, binary? })
 * - mode, workflowId: what getMode() and getWorkflow().id answer
 */
function createExecuteContext({
	params = {},
	items = [{ json: {} }],
	credentials = defaultCredentials(),
	node = defaultNode(),
	continueOnFail = false,
	executionId = 'exec-1001',
	runIndex = 0,
	staticData = {},
	mode = 'manual',
	workflowId = 'workflow-1',
} = {}) {
	const requests = [];
	const node_ = { ...node, parameters: typeof params === 'function' ? params(0) : params };
	const readParam = (name, itemIndex, fallback, options) => {
		const source = typeof params === 'function' ? params(itemIndex) : params;
		let value = getPath(source, name);
		if (value === undefined) {
			if (fallback === undefined) {
				throw new Error(`Could not get parameter "${name}" (the test gave none and no fallback)`);
			}
			value = fallback;
		}
		if (options && options.extractValue && value && typeof value === 'object' && value.__rl) {
			return value.value;
		}
		return value;
	};

	const ctx = {
		requests,
		getNode: () => node_,
		getInputData: () => items,
		getNodeParameter: readParam,
		getCredentials: async () => ({ ...credentials }),
		continueOnFail: () => continueOnFail,
		getExecutionId: () => executionId,
		getRunIndex: () => runIndex,
		getWorkflowDataProxy: () => ({ $runIndex: runIndex }),
		getMode: () => mode,
		getInstanceId: () => 'instance-e2e-0001',
		getWorkflow: () => ({ id: workflowId, active: mode !== 'manual' }),
		getWorkflowStaticData: () => staticData,
		getTimezone: () => 'UTC',
		logger: { debug() {}, info() {}, warn() {}, error() {} },
		helpers: {
			...requestHelpers({ credentials, node: node_, requests }),
			assertBinaryData(itemIndex, propertyName) {
				const binary =
					items[itemIndex] && items[itemIndex].binary && items[itemIndex].binary[propertyName];
				if (!binary) {
					throw new NodeOperationError(
						node_,
						`This operation expects the node's input data to contain a binary file '${propertyName}', but none was found`,
						{ itemIndex },
					);
				}
				return binary;
			},
			async getBinaryDataBuffer(itemIndex, propertyName) {
				return Buffer.from(items[itemIndex].binary[propertyName].data, 'base64');
			},
			returnJsonArray(data) {
				const list = Array.isArray(data) ? data : [data];
				return list.map((json) => ({ json }));
			},
			constructExecutionMetaData(inputData, { itemData }) {
				return inputData.map((item) => ({ ...item, pairedItem: itemData }));
			},
		},
	};
	return ctx;
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
	defaultCredentials,
	defaultNode,
	sendLikeN8n,
	applyGenericAuth,
	requestHelpers,
};
