'use strict';
const nock = require('nock');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { BASE_URL, TEST_TOKEN, createExecuteContext } = require('../support/harness');
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { expectLocalError } = require('../support/localValidation');

test('phone number get many lists the lines with the Bearer token', async () => {
	const scope = nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } })
		.get('/v3/phone_numbers')
		.reply(200, { phone_numbers: [{ id: 'pn_1', phone_number: '+15551230001' }] });
	const ctx = createExecuteContext({ params: { resource: 'phoneNumber', operation: 'getMany' } });
	const [out] = await new Linq().execute.call(ctx);
	expect(out).toEqual([
		{ json: { id: 'pn_1', phone_number: '+15551230001' }, pairedItem: { item: 0 } },
	]);
	scope.done();
});

test('phone number update sends what the SDK sends', async () => {
	const theirs = await captureRequest(() =>
		sdk().phoneNumbers.update('pn_1', { forwarding_number: '+15551230002' }),
	);
	const ours = await captureRequest(() =>
		runNode({
			resource: 'phoneNumber',
			operation: 'update',
			phoneNumberId: 'pn_1',
			forwardingNumber: '+1 (555) 123-0002',
		}),
	);
	expectSameRequest(ours, theirs);
	expect(ours.body).toEqual({ forwarding_number: '+15551230002' });
});

describe('phone number, checked against the SDK', () => {
	const update = {
		resource: 'phoneNumber',
		operation: 'update',
		phoneNumberId: 'pn_1',
		forwardingNumber: '',
	};

	test('get many sends what the SDK sends and outputs one item per line', async () => {
		const lines = [
			{ id: 'pn_1', phone_number: '+15551230001', reputation: { status: 'HEALTHY' } },
			{ id: 'pn_2', phone_number: '+15551230002', reputation: { status: 'AT_RISK' } },
		];
		const theirs = await captureRequest(() => sdk().phoneNumbers.list());
		let out;
		const ours = await captureRequest(
			async () => (out = await runNode({ resource: 'phoneNumber', operation: 'getMany' })),
			{ reply: { status: 200, body: { phone_numbers: lines } } },
		);
		expectSameRequest(ours, theirs);
		expect(out).toEqual(lines.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('update with an empty forwarding number clears it, as the SDK does with null', async () => {
		const theirs = await captureRequest(() =>
			sdk().phoneNumbers.update('pn_1', { forwarding_number: null }),
		);
		const ours = await captureRequest(() => runNode({ ...update, forwardingNumber: '  ' }));
		expectSameRequest(ours, theirs);
		expect(ours).toMatchObject({
			method: 'PUT',
			path: '/v3/phone_numbers/pn_1',
			body: { forwarding_number: null },
		});
	});

	test('update takes a forwarding number an expression gave as a number', async () => {
		const ours = await captureRequest(() => runNode({ ...update, forwardingNumber: 15551230002 }));
		expect(ours.body).toEqual({ forwarding_number: '+15551230002' });
	});

	test('update refuses an ID with a slash, which is no Linq ID (issue 9)', async () => {
		await expectLocalError(update, { phoneNumberId: 'pn/1' }, 'Phone Number');
	});

	test('update with a bad forwarding number fails on its item before any request', async () => {
		const error = await expectLocalError(update, { forwardingNumber: '+12' }, 'Forwarding Number');
		expect(error.message).toBe('Forwarding Number "+12" is too short for an international number');
	});

	test('update with an empty line fails on its item instead of sending to the bare path', async () => {
		await expectLocalError(update, { phoneNumberId: '' }, 'Phone Number');
	});
});

describe('loadOptions for lines', () => {
	const answer = {
		phone_numbers: [
			{
				id: 'pn_1',
				phone_number: '+15551230001',
				reputation: { status: 'AT_RISK' },
				health_status: { status: 'HEALTHY' },
			},
			{ id: 'pn_2', phone_number: '+15551230002', health_status: { status: 'CRITICAL' } },
		],
	};

	test('getPhoneNumbers shows each number with its reputation and gives the number', async () => {
		nock(BASE_URL).get('/v3/phone_numbers').reply(200, answer);
		const options = await new Linq().methods.loadOptions.getPhoneNumbers.call(
			createExecuteContext(),
		);
		expect(options).toEqual([
			{ name: '+15551230001 (AT_RISK)', value: '+15551230001' },
			{ name: '+15551230002 (CRITICAL)', value: '+15551230002' },
		]);
	});

	test('getPhoneNumberIds gives the line ID', async () => {
		nock(BASE_URL).get('/v3/phone_numbers').reply(200, answer);
		const options = await new Linq().methods.loadOptions.getPhoneNumberIds.call(
			createExecuteContext(),
		);
		expect(options.map((option) => option.value)).toEqual(['pn_1', 'pn_2']);
	});
});
