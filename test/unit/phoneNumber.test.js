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
