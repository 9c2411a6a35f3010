'use strict';
/** Phone Number → Get Best Line, and "Best Line" in the From pickers, against the SDK's requests. */
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { expectRefusedLocally } = require('../support/localError');

const BEST = { phone_number: '+15559990001', vcf_url: 'https://cdn.linqapp.com/vcf/abc.vcf?exp=1' };

test('Get Best Line without recipients asks what the SDK asks and outputs the line and vCard link', async () => {
	const theirs = await captureRequest(() => sdk().availableNumber.retrieve());
	let out;
	const ours = await captureRequest(
		async () => {
			out = await runNode({ resource: 'phoneNumber', operation: 'getBestLine', to: '' });
		},
		{ reply: { body: BEST } },
	);
	expectSameRequest(ours, theirs);
	expect(out).toEqual([{ json: BEST, pairedItem: { item: 0 } }]);
});

test('Get Best Line with recipients sends them comma-separated, as the SDK does', async () => {
	const theirs = await captureRequest(() =>
		sdk().availableNumber.retrieve({ to: ['+15551230001', 'ana@example.com'] }),
	);
	const ours = await captureRequest(() =>
		runNode({
			resource: 'phoneNumber',
			operation: 'getBestLine',
			to: '+1 (555) 123-0001, ana@example.com',
		}),
	);
	expectSameRequest(ours, theirs);
	expect(ours.query).toEqual({ to: '+15551230001,ana@example.com' });
});

test('Get Best Line refuses a bad recipient before any request', async () => {
	await expectRefusedLocally(
		{ resource: 'phoneNumber', operation: 'getBestLine', to: '+1555 nope' },
		'To',
	);
});

test('Chat → Create from Best Line asks for the line of these recipients, then creates from it', async () => {
	const sdkCalls = await captureRequest(
		async () => {
			const client = sdk();
			const best = await client.availableNumber.retrieve({ to: ['+15551230001'] });
			await client.chats.create({
				from: best.phone_number,
				to: ['+15551230001'],
				message: { parts: [{ type: 'text', value: 'Welcome' }] },
			});
		},
		{ all: true, reply: (request) => ({ body: request.method === 'GET' ? BEST : { chat: {} } }) },
	);
	const ours = await captureRequest(
		() =>
			runNode({
				resource: 'chat',
				operation: 'create',
				from: 'best_line',
				to: '+15551230001',
				text: 'Welcome',
				link: '',
				options: {},
			}),
		{ all: true, reply: (request) => ({ body: request.method === 'GET' ? BEST : { chat: {} } }) },
	);
	expect(ours).toHaveLength(2);
	expectSameRequest(ours[0], sdkCalls[0]);
	const { idempotency_key: key, ...message } = ours[1].body.message;
	expect(key).toEqual(expect.any(String));
	expectSameRequest({ ...ours[1], body: { ...ours[1].body, message } }, sdkCalls[1]);
});

test('Chat → Create from Best Line refused by SMS Safety asks Linq nothing', async () => {
	await expectRefusedLocally(
		{
			resource: 'chat',
			operation: 'create',
			from: 'best_line',
			to: '+15551230001',
			text: 'x'.repeat(1000),
			link: '',
			options: { smsSafety: 'block', preferredService: 'SMS' },
		},
		'Text',
	);
});

const answerBest = (request) => ({ body: request.path === '/v3/available_number' ? BEST : {} });

test('Capability → Check iMessage from Best Line uses the line for the checked address', async () => {
	const theirs = await captureRequest(() =>
		sdk().capability.checkIMessage({ address: '+15551230001', from: BEST.phone_number }),
	);
	const ours = await captureRequest(
		() =>
			runNode({
				resource: 'capability',
				operation: 'checkIMessage',
				address: '+15551230001',
				options: { from: 'best_line' },
			}),
		{ all: true, reply: answerBest },
	);
	expect(ours[0]).toMatchObject({ path: '/v3/available_number', query: { to: '+15551230001' } });
	expectSameRequest(ours[1], theirs);
});

test('Chat → Get Many filtered by Best Line and a participant', async () => {
	const theirs = await captureRequest(() =>
		sdk().chats.listChats({ from: BEST.phone_number, to: '+15551230001', limit: 50 }),
	);
	const ours = await captureRequest(
		() =>
			runNode({
				resource: 'chat',
				operation: 'getMany',
				returnAll: false,
				limit: 50,
				filters: { from: 'best_line', to: '+15551230001' },
				options: {},
			}),
		{ all: true, reply: answerBest },
	);
	expect(ours[0]).toMatchObject({ path: '/v3/available_number', query: { to: '+15551230001' } });
	expectSameRequest(ours[1], theirs);
});
