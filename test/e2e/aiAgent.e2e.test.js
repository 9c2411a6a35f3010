'use strict';
/**
 * The Linq node as a tool of n8n's AI Agent, in a real n8n, through the example workflow
 * examples/ai-text-concierge.json: a signed inbound event starts Linq Trigger → AI Agent (a chat
 * model pointed at a scripted OpenAI-compatible fake, a memory keyed by the chat, the Linq node
 * attached as a tool). The model first calls the Linq tool with a reply it chose through
 * `$fromAI`, then answers; the fake Linq must have received exactly that message, in that chat,
 * and the trigger's one read receipt and one typing request for the event.
 */
const crypto = require('node:crypto');

const { messageEvent } = require('../support/fakeLinq');
const { startFakeOpenAi } = require('../support/fakeOpenAi');
const { startLinqE2e } = require('./support/linqE2e');
const { activateTriggerExample, nodeItems, settledExecutions } = require('./support/runs');

const REPLY = `We are open tomorrow from 9 to 5. (${crypto.randomUUID().slice(0, 8)})`;

let suite;
let model;
let workflow;

beforeAll(async () => {
	model = await startFakeOpenAi({
		toolPattern: /linq/i,
		toolArguments: (tool) => {
			const names = Object.keys(tool.function.parameters?.properties ?? {});
			return Object.fromEntries(names.map((name) => [name, REPLY]));
		},
		finalAnswer: 'I have replied to the customer.',
	});
	suite = await startLinqE2e();
	const openAi = await suite.n8n.rest('POST', '/credentials', {
		name: 'Fake model',
		type: 'openAiApi',
		data: { apiKey: 'sk-fake', url: model.baseUrl },
	});
	workflow = await activateTriggerExample(suite, 'ai-text-concierge.json', {
		linqAppApi: suite.credentialId,
		openAiApi: openAi.id,
	});
}, 600_000);

afterAll(async () => {
	await suite?.dispose();
	await model?.close();
});

test('an inbound text makes the agent send the reply it chose into the event chat, through the Linq tool', async () => {
	const [chatId] = suite.fake.seedChats(1);
	const customer = suite.fake.state.chats.get(chatId).handles.find((handle) => !handle.is_me);
	expect(customer).toBeDefined();
	const delivery = await suite.fake.deliver(
		suite.fake.subscriptions()[0],
		messageEvent({ chatId, from: customer.handle, text: 'Are you open tomorrow?' }),
	);
	expect(delivery.status).toBe(200);

	const [execution] = await settledExecutions(suite.n8n, workflow.id, 1, {
		limit: 5,
		what: 'the agent execution to finish',
		timeoutMs: 120_000,
	});
	expect(execution.status).toBe('success');

	const sends = suite.fake
		.calls('POST', `/v3/chats/${chatId}/messages`)
		.map((call) => call.body.message.parts);
	expect(sends).toEqual([[{ type: 'text', value: REPLY }]]);
	expect(suite.fake.calls('POST', '/v3/messages')).toHaveLength(0);

	// Mark as Read and Show Typing on Receipt: one of each for the one emitted event, and none
	// for a redelivery of it.
	await suite.fake.resend(delivery);
	expect(suite.fake.calls('POST', `/v3/chats/${chatId}/read`)).toHaveLength(1);
	expect(suite.fake.calls('POST', `/v3/chats/${chatId}/typing`)).toHaveLength(1);
	const [triggerItem] = nodeItems(execution);
	expect(triggerItem.json.on_receipt_errors).toBeUndefined();

	// The agent's run shows the tool call and the model's answer after the tool result.
	const runData = execution.data.resultData.runData;
	const toolRuns = runData['Reply with Linq'];
	expect(toolRuns).toHaveLength(1);
	expect(runData['AI Agent'][0].data.main[0][0].json.output).toBe(
		'I have replied to the customer.',
	);
	const [firstCall, secondCall] = model.requests;
	expect(firstCall.messages.at(-1).content).toContain('Are you open tomorrow?');
	expect(firstCall.tools.map((tool) => tool.function.name)).toEqual([
		expect.stringMatching(/linq/i),
	]);
	expect(secondCall.messages.some((message) => message.role === 'tool')).toBe(true);
});
