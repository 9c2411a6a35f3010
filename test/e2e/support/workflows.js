'use strict';
/**
 * Workflow JSON for the suite. Action workflows start with a Webhook node that answers with
 * the last node's items, so one HTTP call runs the workflow in the live n8n and returns what
 * our node produced.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const LINQ_NODE_TYPE = 'n8n-nodes-linqapp.linq';
const LINQ_TRIGGER_TYPE = 'n8n-nodes-linqapp.linqTrigger';

/** The Linq V2 (Legacy) nodes, for `kind: V2` below. */
const V2 = {
	nodeType: 'n8n-nodes-linqapp.linqV2Legacy',
	triggerType: 'n8n-nodes-linqapp.linqV2LegacyTrigger',
	credentialType: 'linqAppV2Api',
};
const V3 = {
	nodeType: LINQ_NODE_TYPE,
	triggerType: LINQ_TRIGGER_TYPE,
	credentialType: 'linqAppApi',
};

function webhookNode(path, responseMode = 'lastNode') {
	return {
		id: crypto.randomUUID(),
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: crypto.randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode,
			...(responseMode === 'lastNode' ? { responseData: 'allEntries' } : {}),
			options: {},
		},
	};
}

/** Turns `body.file` (base64) of the webhook call into binary property `data`. */
function toFileNode({ fileName, mimeType }) {
	return {
		id: crypto.randomUUID(),
		name: 'To File',
		type: 'n8n-nodes-base.convertToFile',
		typeVersion: 1.1,
		position: [220, 0],
		parameters: {
			operation: 'toBinary',
			sourceProperty: 'body.file',
			binaryPropertyName: 'data',
			options: { fileName, mimeType },
		},
	};
}

function linqNode(parameters, credentialId, kind = V3) {
	return {
		id: crypto.randomUUID(),
		name: 'Linq',
		type: kind.nodeType,
		typeVersion: 1,
		position: [440, 0],
		parameters,
		credentials: { [kind.credentialType]: { id: credentialId, name: 'Linq (fake)' } },
	};
}

function chain(nodes) {
	const connections = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = {
			main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return connections;
}

/**
 * Webhook → (To File) → Linq with `parameters`. `responseMode: 'onReceived'` answers at once,
 * for workflows that go on waiting.
 */
function actionWorkflow({ name, path, parameters, credentialId, file, responseMode, kind = V3 }) {
	const nodes = [webhookNode(path, responseMode)];
	if (file) nodes.push(toFileNode(file));
	nodes.push(linqNode(parameters, credentialId, kind));
	return { name, nodes, connections: chain(nodes), settings: { executionOrder: 'v1' } };
}

function triggerWorkflow({ name, parameters, credentialId, kind = V3 }) {
	const trigger = {
		id: crypto.randomUUID(),
		name: 'Linq Trigger',
		type: kind.triggerType,
		typeVersion: 1.1,
		position: [0, 0],
		webhookId: crypto.randomUUID(),
		parameters,
		credentials: { [kind.credentialType]: { id: credentialId, name: 'Linq (fake)' } },
	};
	return { name, nodes: [trigger], connections: {}, settings: { executionOrder: 'v1' } };
}

/**
 * An importable workflow from examples/, with every credential reference pointed at the given
 * credential ids by type (`{ linqAppApi: id, openAiApi: id }`), shaped for the public API.
 */
function exampleWorkflow(file, credentialIds) {
	const example = JSON.parse(
		fs.readFileSync(path.join(__dirname, '../../../examples', file), 'utf8'),
	);
	const nodes = example.nodes.map((node) => {
		if (!node.credentials) return node;
		const credentials = Object.fromEntries(
			Object.entries(node.credentials).map(([type, reference]) => {
				if (!credentialIds[type]) throw new Error(`${file}: no credential id for ${type}`);
				return [type, { ...reference, id: credentialIds[type] }];
			}),
		);
		return { ...node, credentials };
	});
	return {
		name: example.name,
		nodes,
		connections: example.connections,
		settings: example.settings,
	};
}

/**
 * For the benchmarks: a credential for `fake` and an (inactive) workflow with the Linq Trigger
 * on `message.received` with default options, created in `n8n`.
 */
async function createBenchTrigger(n8n, fake) {
	const credential = await n8n.api('POST', '/credentials', {
		name: 'Linq (fake)',
		type: 'linqAppApi',
		data: { apiToken: fake.token, baseUrl: fake.baseUrl, webhookSigningSecret: '' },
	});
	return await n8n.api(
		'POST',
		'/workflows',
		triggerWorkflow({
			name: 'bench Linq Trigger',
			parameters: { events: ['message.received'], lines: [], options: {} },
			credentialId: credential.id,
		}),
	);
}

module.exports = {
	actionWorkflow,
	createBenchTrigger,
	triggerWorkflow,
	exampleWorkflow,
	LINQ_NODE_TYPE,
	LINQ_TRIGGER_TYPE,
	V2,
};
