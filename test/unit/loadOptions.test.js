'use strict';
const nock = require('nock');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { BASE_URL, TEST_TOKEN, createExecuteContext } = require('../support/harness');
const { sdk, captureRequest, expectSameRequest } = require('../support/oracle');

const lines = {
	phone_numbers: [
		{ id: 'pn-1', phone_number: '+15559990000', health_status: { status: 'HEALTHY' } },
		{ id: 'pn-2', phone_number: '+15559990001', health_status: { status: 'AT_RISK' } },
		{ id: 'pn-3', phone_number: '+15559990002' },
	],
};

test('getPhoneNumbers: the From dropdown shows number and status, and takes the E.164 number', async () => {
	nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } })
		.get('/v3/phone_numbers')
		.reply(200, lines);
	const options = await new Linq().methods.loadOptions.getPhoneNumbers.call(createExecuteContext());
	expect(options).toEqual([
		{ name: '+15559990000 (HEALTHY)', value: '+15559990000' },
		{ name: '+15559990001 (AT_RISK)', value: '+15559990001' },
		{ name: '+15559990002 (unknown)', value: '+15559990002' },
	]);
});

test('getPhoneNumbers asks what the SDK asks', async () => {
	const theirs = await captureRequest(() => sdk().phoneNumbers.list());
	const ours = await captureRequest(
		() => new Linq().methods.loadOptions.getPhoneNumbers.call(createExecuteContext()),
		{ reply: { body: lines } },
	);
	expectSameRequest(ours, theirs);
});

test('the From fields of Chat Create and Chat Get Many use the dropdown', () => {
	const fromFields = new Linq().description.properties.filter(
		(property) => property.name === 'from' && property.displayOptions.show.resource[0] === 'chat',
	);
	expect(fromFields).toHaveLength(1);
	expect(fromFields[0].typeOptions.loadOptionsMethod).toBe('getPhoneNumbers');
	const filters = new Linq().description.properties.find(
		(property) =>
			property.name === 'filters' && property.displayOptions.show.resource[0] === 'chat',
	);
	expect(
		filters.options.find((option) => option.name === 'from').typeOptions.loadOptionsMethod,
	).toBe('getPhoneNumbers');
});
