'use strict';
/**
 * The Linq action node inside a real n8n: workflows run through n8n's own engine, the fake
 * Linq server sees the wire requests.
 */
const { LINES } = require('../support/fakeLinq');
const { startLinqE2e } = require('./support/linqE2e');
const { actionWorkflow, LINQ_NODE_TYPE, LINQ_TRIGGER_TYPE } = require('./support/workflows');
const { waitFor } = require('./support/waitFor');
const { callWhenLive, executionsOf } = require('./support/runs');

const RECIPIENT = '+15557654321';

let suite;
let fake;
let n8n;
let credentialId;
let badCredentialId;
let sequence = 0;

beforeAll(async () => {
	suite = await startLinqE2e({ https: true });
	({ fake, n8n, credentialId } = suite);
	badCredentialId = await suite.createCredential('Linq (revoked token)', 'revoked-token');
}, 600_000);

afterAll(async () => {
	await suite?.dispose();
});

afterEach(() => {
	fake?.reset();
});

/**
 * Publishes Webhook → Linq(parameters) and calls it once. Returns the HTTP answer of the
 * workflow (the Linq node's items on success) and the workflow id.
 */
async function runLinq(parameters, { body = {}, file, credential = credentialId } = {}) {
	sequence += 1;
	const webhookPath = `linq-e2e-${Date.now()}-${sequence}`;
	const workflow = await n8n.api(
		'POST',
		'/workflows',
		actionWorkflow({
			name: `e2e ${parameters.resource} ${parameters.operation} ${sequence}`,
			path: webhookPath,
			parameters,
			credentialId: credential,
			file,
		}),
	);
	await n8n.api('POST', `/workflows/${workflow.id}/activate`);
	return { ...(await callWhenLive(n8n, webhookPath, body)), workflowId: workflow.id };
}

/** Fails with the execution's own error, which says more than the webhook's 500. */
async function expectSuccess(result) {
	if (result.status === 200) return;
	const execution = await lastExecution(result.workflowId);
	const error = execution.data?.resultData?.error;
	throw new Error(
		`Workflow answered ${result.status}: ${error?.message} ${error?.description ?? ''}`,
	);
}

async function lastExecution(workflowId) {
	return await waitFor(
		async () => {
			const list = await executionsOf(n8n, workflowId, { limit: 5 });
			const done = list.filter((execution) => execution.finished || execution.status === 'error');
			return done[0];
		},
		{ what: `an execution of workflow ${workflowId}` },
	);
}

test('n8n loads both Linq nodes from the community package folder under their real type names', async () => {
	const response = await n8n.request('GET', '/types/nodes.json', {
		headers: { cookie: n8n.cookie },
	});
	expect(response.status).toBe(200);
	const names = response.body.map((type) => type.name);
	expect(names).toEqual(expect.arrayContaining([LINQ_NODE_TYPE, LINQ_TRIGGER_TYPE]));
	const credentials = await n8n.request('GET', '/types/credentials.json', {
		headers: { cookie: n8n.cookie },
	});
	expect(credentials.body.map((type) => type.name)).toContain('linqAppApi');
});

test('Chat → Create sends POST /v3/chats with from, to and the text', async () => {
	const result = await runLinq({
		resource: 'chat',
		operation: 'create',
		from: LINES[0],
		to: RECIPIENT,
		text: 'Hello from n8n',
	});
	await expectSuccess(result);
	const calls = fake.calls('POST', '/v3/chats');
	expect(calls).toHaveLength(1);
	expect(calls[0].headers.authorization).toBe(`Bearer ${fake.token}`);
	expect(calls[0].body).toEqual({
		from: LINES[0],
		to: [RECIPIENT],
		message: {
			parts: [{ type: 'text', value: 'Hello from n8n' }],
			idempotency_key: expect.stringMatching(/^n8n-/),
		},
	});
	const [item] = result.body;
	const chatId = item.chat?.id ?? item.id;
	expect(fake.state.chats.has(chatId)).toBe(true);
});

test('Message → Send goes to POST /v3/messages without a from line', async () => {
	const result = await runLinq({
		resource: 'message',
		operation: 'send',
		to: RECIPIENT,
		text: 'Ping',
	});
	await expectSuccess(result);
	const calls = fake.calls('POST', '/v3/messages');
	expect(calls).toHaveLength(1);
	expect(calls[0].body.to).toEqual([RECIPIENT]);
	expect(calls[0].body.from).toBeUndefined();
	expect(calls[0].body.message.parts).toEqual([{ type: 'text', value: 'Ping' }]);
	expect(result.body[0].chat_id).toBeDefined();
	expect(result.body[0].message.id).toBeDefined();
});

test('Message → Send with a file from n8n binary data uploads the exact bytes, then sends the attachment', async () => {
	const bytes = Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 37) % 256));
	const result = await runLinq(
		{
			resource: 'message',
			operation: 'send',
			to: RECIPIENT,
			text: 'The file',
			media: { mediaValues: [{ source: 'binary', binaryPropertyName: 'data' }] },
		},
		{
			body: { file: bytes.toString('base64') },
			file: { fileName: 'pattern.png', mimeType: 'image/png' },
		},
	);
	await expectSuccess(result);
	const announce = fake.calls('POST', '/v3/attachments');
	expect(announce).toHaveLength(1);
	expect(announce[0].body).toEqual({
		filename: 'pattern.png',
		content_type: 'image/png',
		size_bytes: bytes.length,
	});
	const [attachmentId] = fake.state.attachments.keys();
	const stored = fake.state.attachments.get(attachmentId);
	expect(Buffer.compare(stored.bytes, bytes)).toBe(0);
	const upload = fake.requests.find((r) => r.method === 'PUT' && r.path.startsWith('/uploads/'));
	expect(upload.headers.authorization).toBeUndefined();
	const sends = fake.calls('POST', '/v3/messages');
	expect(sends).toHaveLength(1);
	expect(sends[0].body.message.parts).toEqual(
		expect.arrayContaining([
			{ type: 'text', value: 'The file' },
			{ type: 'media', attachment_id: attachmentId },
		]),
	);
});

test('Message → React sends the reaction to POST /v3/messages/{id}/reactions', async () => {
	const sent = await runLinq({
		resource: 'message',
		operation: 'send',
		to: RECIPIENT,
		text: 'React to me',
	});
	const messageId = sent.body[0].message.id;
	fake.requests.length = 0;
	const result = await runLinq({
		resource: 'message',
		operation: 'react',
		messageId,
		reactionOperation: 'add',
		reactionType: 'love',
	});
	await expectSuccess(result);
	const calls = fake.calls('POST', `/v3/messages/${messageId}/reactions`);
	expect(calls).toHaveLength(1);
	expect(calls[0].body).toEqual({ operation: 'add', type: 'love' });
});

test('Chat → Get Many with Return All follows next_cursor over several pages', async () => {
	const ids = fake.seedChats(230);
	const result = await runLinq({ resource: 'chat', operation: 'getMany', returnAll: true });
	await expectSuccess(result);
	expect(result.body.map((chat) => chat.id)).toEqual(ids);
	const pages = fake.calls('GET', '/v3/chats');
	expect(pages).toHaveLength(3);
	expect(pages[0].query.cursor).toBeUndefined();
	expect(pages[1].query.cursor).toBeTruthy();
	expect(pages[2].query.cursor).toBeTruthy();
});

test('a 429 with Retry-After is waited out and the message is sent exactly once', async () => {
	fake.fail({ method: 'POST', path: '/v3/messages', status: 429, retryAfter: 1, times: 1 });
	const result = await runLinq({
		resource: 'message',
		operation: 'send',
		to: RECIPIENT,
		text: 'Once',
	});
	await expectSuccess(result);
	const calls = fake.calls('POST', '/v3/messages');
	expect(calls.map((call) => call.fault ?? call.status)).toEqual([429, 202]);
	expect(calls[1].body.message.idempotency_key).toBe(calls[0].body.message.idempotency_key);
	expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(900);
	expect([...fake.state.messages.values()]).toHaveLength(1);
});

test('a dropped connection on a read is retried through n8n’s own request helper', async () => {
	const ids = fake.seedChats(3);
	fake.fail({ method: 'GET', path: '/v3/chats', drop: true });
	const result = await runLinq({ resource: 'chat', operation: 'getMany', returnAll: true });
	await expectSuccess(result);
	expect(result.body.map((chat) => chat.id)).toEqual(ids);
	expect(fake.calls('GET', '/v3/chats')).toHaveLength(2);
});

test('a 500 on a send is repeated once, with the same idempotency key', async () => {
	fake.fail({ method: 'POST', path: '/v3/messages', status: 500 });
	const result = await runLinq({
		resource: 'message',
		operation: 'send',
		to: RECIPIENT,
		text: 'Exactly once',
	});
	await expectSuccess(result);
	const calls = fake.calls('POST', '/v3/messages');
	expect(calls.map((call) => call.fault ?? call.status)).toEqual([500, 202]);
	expect(calls[1].body.message.idempotency_key).toBe(calls[0].body.message.idempotency_key);
});

test('a revoked token fails the execution with a readable message and no secret in it', async () => {
	const result = await runLinq(
		{ resource: 'message', operation: 'send', to: RECIPIENT, text: 'Denied' },
		{ credential: badCredentialId },
	);
	expect(result.status).toBeGreaterThanOrEqual(400);
	const execution = await lastExecution(result.workflowId);
	expect(execution.status).toBe('error');
	const error = execution.data.resultData.error;
	expect(error.message).toMatch(/Linq rejected the API token/);
	expect(JSON.stringify(execution.data)).not.toContain('revoked-token');
	expect(fake.calls('POST', '/v3/messages')[0].status).toBe(401);
});

test('a file uploaded once with Attachment → Upload is sent twice by its Attachment ID, never uploaded again', async () => {
	const bytes = Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 11) % 256));
	const upload = await runLinq(
		{ resource: 'attachment', operation: 'upload', binaryPropertyName: 'data' },
		{
			body: { file: bytes.toString('base64') },
			file: { fileName: 'menu.pdf', mimeType: 'application/pdf' },
		},
	);
	await expectSuccess(upload);
	const attachmentId = upload.body[0].attachment_id;
	expect(Buffer.compare(fake.state.attachments.get(attachmentId).bytes, bytes)).toBe(0);
	for (const to of [RECIPIENT, '+15557654322']) {
		const sent = await runLinq({
			resource: 'message',
			operation: 'send',
			to,
			text: 'Our menu',
			media: { mediaValues: [{ source: 'attachment', attachmentId }] },
			options: { mediaPosition: 'before' },
		});
		await expectSuccess(sent);
		expect(sent.body[0].sms).toMatchObject({ encoding: 'GSM-7', segments: 1, media: 1 });
	}
	expect(fake.calls('POST', '/v3/attachments')).toHaveLength(1);
	const sends = fake.calls('POST', '/v3/messages');
	expect(sends.map((call) => call.body.message.parts)).toEqual([
		[
			{ type: 'media', attachment_id: attachmentId },
			{ type: 'text', value: 'Our menu' },
		],
		[
			{ type: 'media', attachment_id: attachmentId },
			{ type: 'text', value: 'Our menu' },
		],
	]);
});

test('a text written in markup is sent as plain text with the text_decorations Linq checks', async () => {
	const result = await runLinq({
		resource: 'message',
		operation: 'send',
		to: RECIPIENT,
		text: '*Sale* ends _tonight_ [shake]hurry[/shake]',
		options: { textFormat: 'markup' },
	});
	await expectSuccess(result);
	const [send] = fake.calls('POST', '/v3/messages');
	expect(send.body.message.parts).toEqual([
		{
			type: 'text',
			value: 'Sale ends tonight hurry',
			text_decorations: [
				{ range: [0, 4], style: 'bold' },
				{ range: [10, 17], style: 'italic' },
				{ range: [18, 23], animation: 'shake' },
			],
		},
	]);
});
