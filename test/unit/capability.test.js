'use strict';
jest.mock('n8n-workflow', () => require('../support/sleep').mockWorkflow());

const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { expectLocalError } = require('../support/localValidation');

const params = (operation, overrides = {}) => ({
	resource: 'capability',
	operation,
	address: '+1 555 123 4567',
	options: {},
	...overrides,
});

describe.each([
	['checkIMessage', 'check_imessage', (client, body) => client.capability.checkIMessage(body)],
	['checkRcs', 'check_rcs', (client, body) => client.capability.checkRCS(body)],
])('capability %s', (operation, endpoint, sdkCall) => {
	test('sends what the SDK sends for an address alone', async () => {
		const theirs = await captureRequest(() => sdkCall(sdk(), { address: '+15551234567' }));
		const ours = await captureRequest(() => runNode(params(operation)));
		expectSameRequest(ours, theirs);
		expect(ours).toMatchObject({ method: 'POST', path: `/v3/capability/${endpoint}` });
	});

	test('sends what the SDK sends with a From line', async () => {
		const theirs = await captureRequest(() =>
			sdkCall(sdk(), { address: '+15551234567', from: '+15559870000' }),
		);
		const ours = await captureRequest(() =>
			runNode(params(operation, { options: { from: '+15559870000' } })),
		);
		expectSameRequest(ours, theirs);
		expect(ours.body).toEqual({ address: '+15551234567', from: '+15559870000' });
	});

	test('outputs the API answer', async () => {
		const answer = { address: '+15551234567', available: true };
		let out;
		await captureRequest(async () => (out = await runNode(params(operation))), {
			reply: { status: 200, body: answer },
		});
		expect(out).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});

	test('a bad address fails on its item before any request', async () => {
		await expectLocalError(params(operation), { address: 'not a number' }, 'Address');
	});

	test('a bad From fails on its item before any request', async () => {
		await expectLocalError(params(operation), { options: { from: '12' } }, 'From');
	});

	test('a server error is retried, because a check changes nothing', async () => {
		let calls = 0;
		let out;
		const sent = await captureRequest(async () => (out = await runNode(params(operation))), {
			all: true,
			reply: () =>
				++calls === 1
					? { status: 503, body: { code: 3001, message: 'unavailable' } }
					: { status: 200, body: { address: '+15551234567', available: false } },
		});
		expect(sent).toHaveLength(2);
		expect(sent[1].body).toEqual(sent[0].body);
		expect(out[0].json).toEqual({ address: '+15551234567', available: false });
	});
});
