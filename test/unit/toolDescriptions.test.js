'use strict';
/**
 * What an AI Agent's model reads about the Linq tool: n8n takes it from the node's
 * `toolDescription` parameter, which on the tool variant defaults to one sentence per operation.
 */
const { NodeHelpers } = require('n8n-workflow');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { resources } = require('../../nodes/Linq/actions/resources');
const { TOOL_DESCRIPTIONS } = require('../../nodes/Linq/actions/toolDescriptions');

const { description } = new Linq();
const operations = resources.flatMap((resource) =>
	resource.operations.map((operation) => [resource.value, operation.value]),
);

/** The description n8n's tool variant has: the same properties, the name ending in Tool. */
const toolType = { ...description, name: 'linqTool' };

function parametersOf(type, parameters) {
	return NodeHelpers.getNodeParameters(type.properties, parameters, true, false, null, type);
}

test.each(operations)('%s.%s has one sentence saying what it needs', (resource, operation) => {
	const sentence = TOOL_DESCRIPTIONS[`${resource}.${operation}`];
	expect(sentence).toMatch(/^[A-Z][^.]*(\.[^ .][^.]*)*; needs [^;]+\.$/);
	expect(sentence.length).toBeLessThanOrEqual(160);
});

test('no description for an operation that does not exist', () => {
	const known = new Set(operations.map(([resource, operation]) => `${resource}.${operation}`));
	expect(Object.keys(TOOL_DESCRIPTIONS).filter((key) => !known.has(key))).toEqual([]);
});

test.each(operations)(
	'the tool variant of %s.%s gives the model its sentence',
	(resource, operation) => {
		const node = { parameters: { resource, operation } };
		node.parameters = parametersOf(toolType, node.parameters);
		expect(NodeHelpers.getToolDescriptionForNode(node, { description: toolType })).toBe(
			TOOL_DESCRIPTIONS[`${resource}.${operation}`],
		);
	},
);

test('the plain node has no Tool Description field', () => {
	const parameters = parametersOf(description, { resource: 'message', operation: 'sendInChat' });
	expect(parameters.toolDescription).toBeUndefined();
});

test('a description the user wrote wins', () => {
	const parameters = parametersOf(toolType, {
		resource: 'message',
		operation: 'sendInChat',
		toolDescription: 'Replies to the customer.',
	});
	expect(NodeHelpers.getToolDescriptionForNode({ parameters }, { description: toolType })).toBe(
		'Replies to the customer.',
	);
});
