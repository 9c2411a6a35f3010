'use strict';
/**
 * Test doubles for the n8n contexts our nodes run in. HTTP is real: requests go through axios
 * the way n8n's request helpers send them, so nock sees the exact wire request, and the
 * Authorization header comes from the credential class's own `authenticate` definition.
 */
const axios = require('axios');
const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const { LinqAppApi } = require('../../credentials/LinqAppApi.credentials');

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

function applyGenericAuth(credentials, options) {
	const auth = new LinqAppApi().authenticate;
	const headers = { ...(options.headers || {}) };
	for (const [key, value] of Object.entries(auth.properties.headers || {})) {
		headers[key] = resolveCredentialExpression(value, credentials);
	}
	return { ...options, headers };
}

/** Sends an n8n IHttpRequestOptions with axios, mirroring n8n's option semantics. */
async function sendLikeN8n(options) {
	const config = {
		method: options.method || 'GET',
		url: options.url,
		baseURL: options.baseURL,
		params: options.qs,
		data: options.body,
		headers: { ...(options.headers || {}) },
		timeout: options.timeout,
		maxRedirects: 0,
		validateStatus: options.ignoreHttpStatusErrors ? () => true : (s) => s >= 200 && s < 300,
		responseType:
			options.encoding === 'arraybuffer' ? 'arraybuffer' : options.json ? 'json' : undefined,
	};
	if (
		Buffer.isBuffer(options.body) &&
		!config.headers['Content-Type'] &&
		!config.headers['content-type']
	) {
		config.headers['Content-Type'] = 'application/octet-stream';
	}
	const response = await axios.request(config);
	let body = response.data;
	if (options.encoding === 'arraybuffer') body = Buffer.from(body);
	if (options.returnFullResponse) {
		return {
			body,
			headers: response.headers,
			statusCode: response.status,
			statusMessage: response.statusText,
		};
	}
	return body;
}

/**
 * n8n's request helpers for a context: authenticated calls get the credential's header and,
 * like n8n, wrap any failure in a NodeApiError; every request is recorded in `requests`.
 */
function requestHelpers({ credentials, node, requests }) {
	return {
		async httpRequestWithAuthentication(credentialsType, options) {
			if (credentialsType !== 'linqAppApi')
				throw new Error(`unexpected credentials ${credentialsType}`);
			const authed = applyGenericAuth(credentials, options);
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
