'use strict';
const nock = require('nock');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { BASE_URL, TEST_TOKEN, createExecuteContext } = require('../support/harness');

afterEach(() => nock.cleanAll());

test('phone number get many lists the lines with the Bearer token', async () => {
	const scope = nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } })
		.get('/v3/phone_numbers')
		.reply(200, { phone_numbers: [{ id: 'pn_1', phone_number: '+15551230001' }] });
	const ctx = createExecuteContext({ params: { resource: 'phoneNumber', operation: 'getMany' } });
	const [out] = await new Linq().execute.call(ctx);
	expect(out).toEqual([{ json: { id: 'pn_1', phone_number: '+15551230001' }, pairedItem: { item: 0 } }]);
	scope.done();
});

const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');

test('phone number update sends what the SDK sends', async () => {
	const theirs = await captureRequest(() => sdk().phoneNumbers.update('pn_1', { forwarding_number: '+15551230002' }));
	const ours = await captureRequest(() =>
		runNode({ resource: 'phoneNumber', operation: 'update', phoneNumberId: 'pn_1', forwardingNumber: '+1 (555) 123-0002' }),
	);
	expectSameRequest(ours, theirs);
	expect(ours.body).toEqual({ forwarding_number: '+15551230002' });
});
