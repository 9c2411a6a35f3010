'use strict';
/**
 * The sandbox of `npm run dev -- --sandbox`: the fake Linq from the test suite
 * (test/support/fakeLinq/) on a fixed loopback port, seeded through its own API with the lines
 * and conversations of a small business, and a "Linq (sandbox)" credential that points at it.
 * `npm run sandbox:event` then sends signed events into the chats seeded here.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { startFakeLinq, DEFAULT_TOKEN, LINES } = require('../../test/support/fakeLinq');

const SANDBOX_PORT = Number(process.env.LINQ_SANDBOX_PORT || 4010);
const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
/** Fixed, so every start updates the same credential instead of adding one. */
const CREDENTIAL = { id: 'linqSandboxCred1', name: 'Linq (sandbox)', type: 'linqAppApi' };

/** Conversations a dental practice might have on its two lines; the first message is ours. */
const CONVERSATIONS = [
	{
		from: LINES[0],
		to: ['+15550123456'],
		text: 'Hi Maya, this is Harbor Dental: your cleaning is on Thursday at 10:00. Reply YES to confirm or NO to reschedule.',
	},
	{
		from: LINES[0],
		to: ['+15550198765'],
		text: 'Hi Jordan, your new aligners are ready. Reply with a day that suits you to pick them up.',
	},
	{
		from: LINES[1],
		to: ['+15550111222', '+15550133444'],
		name: 'Front desk team',
		text: 'Morning team: two walk-ins expected before 9.',
	},
];

async function callFake(method, urlPath, body) {
	const response = await fetch(`${SANDBOX_URL}/api/partner${urlPath}`, {
		method,
		headers: { authorization: `Bearer ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(10_000),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${urlPath} answered ${response.status}: ${text}`);
	return text ? JSON.parse(text) : undefined;
}

/** Starts the fake on SANDBOX_PORT and seeds the conversations. */
async function startSandbox() {
	const fake = await startFakeLinq({ port: SANDBOX_PORT });
	for (const conversation of CONVERSATIONS) {
		const { chat } = await callFake('POST', '/v3/chats', {
			from: conversation.from,
			to: conversation.to,
			message: { parts: [{ type: 'text', value: conversation.text }] },
		});
		if (conversation.name)
			await callFake('PUT', `/v3/chats/${chat.id}`, { display_name: conversation.name });
	}
	return fake;
}

/**
 * Creates or updates the "Linq (sandbox)" credential with n8n's own import command, which
 * encrypts it with the instance's key and needs no login, so it is there before the owner
 * account is.
 */
function importSandboxCredential({ runtime, env }) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-sandbox-credential-'));
	const file = path.join(dir, 'credential.json');
	try {
		fs.writeFileSync(
			file,
			JSON.stringify([
				{
					...CREDENTIAL,
					data: {
						apiToken: DEFAULT_TOKEN,
						baseUrl: `${SANDBOX_URL}/api/partner`,
						webhookSigningSecret: '',
					},
				},
			]),
		);
		execFileSync(runtime.nodeBin, [runtime.n8nBin, 'import:credentials', `--input=${file}`], {
			cwd: env.N8N_USER_FOLDER,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

module.exports = {
	SANDBOX_PORT,
	SANDBOX_URL,
	CREDENTIAL,
	callFake,
	startSandbox,
	importSandboxCredential,
};
