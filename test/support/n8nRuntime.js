'use strict';
/**
 * What the unit tests run our nodes in: a real n8n-workflow `Workflow` holding the node, and the
 * context classes of n8n-core (ExecuteContext, HookContext, WebhookContext, LoadOptionsContext),
 * the ones n8n 2.41.1 builds for every node it runs. Parameters, expressions, continue-on-fail,
 * static data and the request helpers are therefore n8n's own; the tests supply only what n8n
 * would read from its database and configuration: the decrypted credentials (through a
 * credentials helper that applies the credential class's `authenticate` as n8n's does), the
 * node-types registry, and the instance settings.
 *
 * Expressions run on n8n-workflow's default `legacy` engine (the in-process tournament
 * evaluator); the `vm` engine needs isolated-vm's native part, which is not compiled here.
 */
const os = require('os');
const path = require('path');

// n8n-core's InstanceSettings keeps its settings file in the user folder: a temporary one, so the
// tests never write into ~/.n8n.
process.env.N8N_USER_FOLDER = path.join(os.tmpdir(), 'n8n-nodes-linqapp-unit');
// n8n's logger would print every node error a test provokes on purpose.
process.env.N8N_LOG_LEVEL = 'silent';

const { InstanceSettings } = require('n8n-core');
const { Workflow, createRunExecutionData } = require('n8n-workflow');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { LinqTrigger } = require('../../nodes/LinqTrigger/LinqTrigger.node');
const { LinqV2Legacy } = require('../../nodes/LinqV2Legacy/LinqV2Legacy.node');
const { LinqV2LegacyTrigger } = require('../../nodes/LinqV2LegacyTrigger/LinqV2LegacyTrigger.node');
const { LinqAppApi } = require('../../credentials/LinqAppApi.credentials');
const { LinqAppV2Api } = require('../../credentials/LinqAppV2Api.credentials');

/** A package as n8n-core itself loads it (it brings newer @n8n/di and backend-network than ours). */
function fromN8nCore(name) {
	return require(require.resolve(name, { paths: [path.dirname(require.resolve('n8n-core'))] }));
}
const { Container } = fromN8nCore('@n8n/di');

const INSTANCE_ID = 'instance-e2e-0001';
// What N8N_INSTANCE_ID does in InstanceSettings.initialize, which needs n8n's database.
Container.get(InstanceSettings).instanceId = INSTANCE_ID;

/** The secret n8n signs its resume URLs with (getSignedResumeUrl). */
function hmacSecret() {
	return Container.get(InstanceSettings).hmacSignatureSecret;
}

const PACKAGE = 'n8n-nodes-linqapp';
const NODE_CLASSES = {
	[`${PACKAGE}.linq`]: Linq,
	[`${PACKAGE}.linqTrigger`]: LinqTrigger,
	[`${PACKAGE}.linqV2Legacy`]: LinqV2Legacy,
	[`${PACKAGE}.linqV2LegacyTrigger`]: LinqV2LegacyTrigger,
};
/**
 * The node a test workflow starts from, like n8n's Manual Trigger: it outputs the test's input
 * items, pinned to it as a user pins data in the editor.
 */
class TestInput {
	description = {
		displayName: 'Input',
		name: 'input',
		group: ['input'],
		version: 1,
		description: 'Outputs the pinned test items',
		defaults: { name: 'Input' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	};

	async execute() {
		return [[]];
	}
}
NODE_CLASSES['n8n-nodes-linqapp-test.input'] = TestInput;

const CREDENTIAL_CLASSES = { linqAppApi: LinqAppApi, linqAppV2Api: LinqAppV2Api };

const nodeTypeInstances = {};
function nodeTypeFor(type) {
	if (!NODE_CLASSES[type]) throw new Error(`The test workflow has no node type "${type}"`);
	nodeTypeInstances[type] ??= new NODE_CLASSES[type]();
	return nodeTypeInstances[type];
}

/** n8n's INodeTypes, as its node loader fills it: our four node types. */
const nodeTypes = {
	getByName: (type) => nodeTypeFor(type),
	getByNameAndVersion: (type) => nodeTypeFor(type),
	getKnownTypes: () => ({}),
};

/**
 * n8n's ICredentialsHelper for one test: `getDecrypted` answers the credentials the test gave
 * (n8n decrypts them from its database), and `authenticate` applies the credential class's generic
 * `authenticate` the way n8n's CredentialsHelper does: every key and value resolved by the
 * workflow's expression evaluator with `$credentials`, then set on the request.
 * `requests` records every authenticated request as it goes out.
 */
class TestCredentialsHelper {
	constructor(credentialsByType, requests) {
		this.credentialsByType = credentialsByType;
		this.requests = requests;
	}

	getParentTypes() {
		return [];
	}

	getCredentialsProperties(type) {
		return new CREDENTIAL_CLASSES[type]().properties;
	}

	isCredentialUsableByNode() {
		return true;
	}

	async getDecrypted(_additionalData, _nodeCredentials, type) {
		const credentials = this.credentialsByType[type];
		if (!credentials) throw new Error(`The test gave no credentials of type "${type}"`);
		return { ...credentials };
	}

	async preAuthentication() {
		return undefined;
	}

	async authenticate(credentials, type, requestOptions, workflow, node) {
		const { authenticate } = new CREDENTIAL_CLASSES[type]();
		const resolve = (value) =>
			workflow.expression.getSimpleParameterValue(node, value, 'internal', {
				$credentials: credentials,
			});
		const options = { ...requestOptions };
		for (const [where, entries] of Object.entries(authenticate.properties)) {
			options[where] = { ...(options[where] ?? {}) };
			for (const [key, value] of Object.entries(entries)) {
				options[where][resolve(key)] = resolve(value);
			}
		}
		this.requests.push(options);
		return options;
	}
}

/** The IWorkflowExecuteAdditionalData n8n hands every context, as much of it as our nodes read. */
function additionalDataFor({ credentialsByType, requests, executionId }) {
	return {
		credentialsHelper: new TestCredentialsHelper(credentialsByType, requests),
		executionId,
		instanceBaseUrl: 'https://n8n.example.com/',
		restApiUrl: 'https://n8n.example.com/rest',
		webhookBaseUrl: 'https://n8n.example.com/webhook',
		webhookTestBaseUrl: 'https://n8n.example.com/webhook-test',
		webhookWaitingBaseUrl: 'https://n8n.example.com/webhook-waiting',
		formWaitingBaseUrl: 'https://n8n.example.com/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		setExecutionStatus() {},
		logAiEvent() {},
	};
}

/**
 * A real n8n-workflow Workflow holding `node` (whose parameters n8n completes with their defaults,
 * as it does for every workflow it runs) over `staticData`.
 */
function workflowFor(node, { id = 'workflow-1', active = false, staticData } = {}) {
	return new Workflow({
		id,
		name: 'Unit test',
		nodes: [node],
		connections: {},
		active,
		nodeTypes,
		staticData,
		settings: { timezone: 'UTC' },
	});
}

/** A node as a workflow stores it, with the credentials its type asks for attached. */
function workflowNode(node) {
	const { credentials = [] } = nodeTypeFor(node.type).description;
	return {
		...node,
		credentials: Object.fromEntries(
			credentials.map(({ name }) => [name, { id: `cred-${name}`, name: `${name} account` }]),
		),
	};
}

function isPlainObject(value) {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sameValue(a, b) {
	return JSON.stringify(a) === JSON.stringify(b);
}

function literal(value) {
	return value === undefined ? 'undefined' : JSON.stringify(value);
}

/**
 * Node parameters for tests that give different values per item (a function of the item
 * index): where the items agree the value stays, where they differ it becomes the expression
 * `={{ [value0, value1, …][$itemIndex] }}`, which n8n's evaluator resolves per item.
 */
function perItemParameters(valueFor, itemCount) {
	const values = Array.from({ length: Math.max(itemCount, 1) }, (_, index) => valueFor(index));
	function merge(list) {
		if (list.every((value) => sameValue(value, list[0]))) return list[0];
		if (list.every(isPlainObject)) {
			const keys = [...new Set(list.flatMap((value) => Object.keys(value)))];
			return Object.fromEntries(keys.map((key) => [key, merge(list.map((value) => value[key]))]));
		}
		return `={{ [${list.map(literal).join(', ')}][$itemIndex] }}`;
	}
	return merge(values);
}

/** Run data for a workflow that has just started at `node`. */
function runExecutionDataFor(node, items) {
	return createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
		},
	});
}

module.exports = {
	CREDENTIAL_CLASSES,
	Container,
	fromN8nCore,
	hmacSecret,
	INSTANCE_ID,
	additionalDataFor,
	nodeTypes,
	perItemParameters,
	runExecutionDataFor,
	workflowFor,
	workflowNode,
};
