'use strict';
/**
 * `npm run dev -- --sandbox` as a user runs it (temporary user folder and free ports): the fake
 * Linq with its seeded chats, the "Linq (sandbox)" credential, and `npm run sandbox:event`
 * delivering signed events to an active auto-reply workflow (examples/auto-reply.json) whose
 * replies land in the seeded chat on the fake. A duplicate delivery is answered once.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { REPO } = require('../../scripts/lib/packageInstall.cjs');
const { connectN8n, freePort } = require('./support/n8nInstance');
const { exampleWorkflow } = require('./support/workflows');
const { waitFor } = require('./support/waitFor');

const SANDBOX_CREDENTIAL_ID = 'linqSandboxCred1';

let dev;
let output = '';
let userFolder;
let n8n;
let sandboxUrl;
let env;

/** Two free neighbouring ports: `npm run dev` puts n8n's task broker on port + 1. */
async function freePortPair() {
	for (;;) {
		const port = await freePort();
		const free = await new Promise((resolve) => {
			const probe = net.createServer();
			probe.once('error', () => resolve(false));
			probe.listen(port + 1, '127.0.0.1', () => probe.close(() => resolve(true)));
		});
		if (free) return port;
	}
}

async function fakeControl(urlPath) {
	const response = await fetch(`${sandboxUrl}${urlPath}`);
	return await response.json();
}

function sandboxEvent(...args) {
	return spawnSync(process.execPath, ['scripts/sandbox-event.cjs', ...args], {
		cwd: REPO,
		env,
		encoding: 'utf8',
	});
}

/** Replies the workflow sent: POSTs to a chat's messages on the fake. */
async function replies() {
	const { requests } = await fakeControl('/__control/requests');
	return requests.filter(
		(request) => request.method === 'POST' && /^\/v3\/chats\/[^/]+\/messages$/.test(request.path),
	);
}

beforeAll(async () => {
	userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-e2e-sandbox-'));
	const port = await freePortPair();
	const sandboxPort = await freePort();
	sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
	const { JEST_WORKER_ID, NODE_ENV, ...inherited } = process.env;
	env = {
		...inherited,
		N8N_PORT: String(port),
		N8N_USER_FOLDER: userFolder,
		LINQ_SANDBOX_PORT: String(sandboxPort),
	};
	dev = spawn(process.execPath, ['scripts/dev.mjs', '--sandbox'], {
		cwd: REPO,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	dev.stdout.on('data', (chunk) => (output += chunk));
	dev.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise((resolve) => dev.on('exit', resolve));
	await Promise.race([
		waitFor(() => /n8n is ready after/.test(output), {
			what: 'npm run dev -- --sandbox to say it is ready',
			timeoutMs: 540_000,
			intervalMs: 500,
		}),
		exited.then(() => {
			throw new Error(`npm run dev -- --sandbox ended:\n${output}`);
		}),
	]);
	n8n = connectN8n(`http://127.0.0.1:${port}`);
	await n8n.setUpOwner();
}, 600_000);

afterAll(async () => {
	if (dev && dev.exitCode === null) {
		const exited = new Promise((resolve) => dev.on('exit', resolve));
		dev.kill('SIGTERM');
		await exited;
	}
	if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
});

test('the ready message names the sandbox credential and the event command', () => {
	expect(output).toMatch(/Fake Linq \(sandbox\) on http:\/\/127\.0\.0\.1:\d+ with lines \+1555/);
	expect(output).toMatch(/"Linq \(sandbox\)" \(already there\)/);
	expect(output).toMatch(/npm run sandbox:event -- text/);
	// Quiet by default: no migration lines or runner chatter in the terminal.
	expect(output).not.toMatch(/[Mm]igration/);
});

test('the "Linq (sandbox)" credential is there before anyone logs in', async () => {
	const credentials = await n8n.rest('GET', '/credentials');
	expect(credentials).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ id: SANDBOX_CREDENTIAL_ID, name: 'Linq (sandbox)' }),
		]),
	);
});

test('an event sent with npm run sandbox:event reaches the active auto-reply workflow, whose reply lands in the chat', async () => {
	const workflow = await n8n.api(
		'POST',
		'/workflows',
		exampleWorkflow('auto-reply.json', { linqAppApi: SANDBOX_CREDENTIAL_ID }),
	);
	await n8n.api('POST', `/workflows/${workflow.id}/activate`);
	await waitFor(
		async () => (await fakeControl('/__control/subscriptions')).subscriptions.length === 1,
		{ what: 'the trigger to subscribe on the fake', timeoutMs: 120_000 },
	);

	const sent = sandboxEvent('text', 'YES, see you Thursday');
	expect(sent.stderr).toBe('');
	expect(sent.stdout).toMatch(
		/message\.received in chat "\+15550123456" \(([\w-]+)\) → http:\/\/localhost:\d+\/webhook\/.+: HTTP 200/,
	);
	const chatId = /\(([\w-]+)\) →/.exec(sent.stdout)[1];
	const [reply] = await waitFor(
		async () => {
			const found = await replies();
			return found.length > 0 ? found : undefined;
		},
		{ what: 'the reply on the fake', timeoutMs: 120_000 },
	);
	expect(reply.path).toBe(`/v3/chats/${chatId}/messages`);
	expect(reply.status).toBe(202);
	expect(reply.body.message.parts).toEqual([
		{
			type: 'text',
			value:
				'Thanks for your message! We got: "YES, see you Thursday". Someone will answer shortly.',
		},
	]);

	const twice = sandboxEvent('duplicate', 'Can I come at 11 instead?');
	expect(twice.stdout.match(/HTTP 200/g)).toHaveLength(2);
	const after = await waitFor(
		async () => {
			const found = await replies();
			return found.length > 1 ? found : undefined;
		},
		{ what: 'the reply to the duplicated event', timeoutMs: 120_000 },
	);
	// One more event (a text) after the duplicate: once its reply is there, the duplicate's would be too.
	expect(sandboxEvent('text', 'Thanks!').status).toBe(0);
	const all = await waitFor(
		async () => {
			const found = await replies();
			return found.some((request) => request.body.message.parts[0].value.includes('"Thanks!"'))
				? found
				: undefined;
		},
		{ what: 'the reply to the last event', timeoutMs: 120_000 },
	);
	expect(
		all.filter((request) => request.body.message.parts[0].value.includes('11 instead')),
	).toHaveLength(1);
	expect(after.length).toBeGreaterThanOrEqual(2);
}, 600_000);
