#!/usr/bin/env node
'use strict';
/**
 * `npm run sandbox:event -- <kind> [text] [--chat <name, handle or id>] [--to production|test]`
 * sends a signed Linq event to the Linq Trigger that is listening in `npm run dev -- --sandbox`:
 * an active workflow's production URL, or the test URL while the editor listens for a test
 * event (the newest subscription wins unless --to says which).
 */
const { signDelivery } = require('../test/support/fakeLinq');
const { SANDBOX_URL, callFake } = require('./lib/sandbox.cjs');
const { KINDS, sandboxEvent } = require('./lib/sandboxEvents.cjs');

function parseArgs(argv) {
	const options = { words: [] };
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		if (arg === '--chat' || arg === '--to') options[arg.slice(2)] = argv[++index];
		else options.words.push(arg);
	}
	const [kind = 'text', ...text] = options.words;
	return { ...options, kind, text: text.join(' ') };
}

async function control(urlPath) {
	const response = await fetch(`${SANDBOX_URL}${urlPath}`, { signal: AbortSignal.timeout(10_000) });
	return await response.json();
}

/** The subscription to deliver to: newest active one, or the production/test one asked for. */
function pickSubscription(subscriptions, to) {
	const candidates = subscriptions
		.filter((subscription) => subscription.is_active !== false)
		.filter((subscription) => {
			const isTest = new URL(subscription.target_url).pathname.startsWith('/webhook-test/');
			return !to || (to === 'test' ? isTest : !isTest);
		})
		.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
	return candidates[0];
}

function pickChat(chats, wanted, lines) {
	const usable = chats.filter(
		(chat) => !lines?.length || chat.handles.some((h) => h.is_me && lines.includes(h.handle)),
	);
	if (!wanted) return usable.find((chat) => !chat.is_group) ?? usable[0];
	const needle = wanted.toLowerCase();
	return usable.find(
		(chat) =>
			chat.id === wanted ||
			chat.display_name?.toLowerCase() === needle ||
			chat.handles.some((handle) => !handle.is_me && handle.handle.toLowerCase() === needle),
	);
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (!KINDS[args.kind]) {
		const list = Object.entries(KINDS).map(([kind, what]) => `  ${kind.padEnd(10)} ${what}`);
		throw new Error(`Which event? One of:\n${list.join('\n')}`);
	}
	let subscriptions;
	try {
		({ subscriptions } = await control('/__control/subscriptions'));
	} catch {
		throw new Error(`No sandbox at ${SANDBOX_URL}: start it with \`npm run dev -- --sandbox\`.`);
	}
	const subscription = pickSubscription(subscriptions, args.to);
	if (!subscription) {
		throw new Error(
			'No Linq Trigger is listening. Activate (publish) a workflow with a Linq Trigger that uses ' +
				'the "Linq (sandbox)" credential, or click "Listen for test event" on the trigger, then ' +
				'run this again.',
		);
	}
	const { chats } = await callFake('GET', '/v3/chats?limit=100');
	const chat = pickChat(chats, args.chat, subscription.phone_numbers);
	if (!chat) throw new Error(`No sandbox chat matches "${args.chat}" on the trigger's lines.`);
	const { messages } = await callFake('GET', `/v3/chats/${chat.id}/messages?limit=1`);
	const event = sandboxEvent(args.kind, { chat, text: args.text, messageId: messages[0]?.id });
	if (!subscription.subscribed_events.includes(event.event_type)) {
		throw new Error(
			`The trigger does not listen for ${event.event_type}: add it to the trigger's Events, ` +
				'save, and run this again.',
		);
	}

	const body = JSON.stringify(event);
	const headers = signDelivery({
		secret: subscription.signing_secret,
		body,
		eventType: event.event_type,
		subscriptionId: subscription.id,
	});
	const times = args.kind === 'duplicate' ? 2 : 1;
	const who = chat.display_name ?? chat.handles.find((handle) => !handle.is_me).handle;
	for (let attempt = 1; attempt <= times; attempt++) {
		const response = await fetch(subscription.target_url, {
			method: 'POST',
			headers,
			body,
			signal: AbortSignal.timeout(60_000),
		});
		console.log(
			`[sandbox] ${event.event_type} in chat "${who}" (${chat.id}) → ${subscription.target_url}: HTTP ${response.status}` +
				(times > 1 ? ` (delivery ${attempt} of ${times})` : ''),
		);
		if (!response.ok) process.exitCode = 1;
	}
}

main().catch((error) => {
	console.error(`[sandbox] ${error.message}`);
	process.exit(1);
});
