'use strict';
const nock = require('nock');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { BASE_URL, TEST_TOKEN, createLoadOptionsContext } = require('../support/harness');
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
	const options = await new Linq().methods.loadOptions.getPhoneNumbers.call(
		createLoadOptionsContext(),
	);
	expect(options).toEqual([
		{ name: '+15559990000 (HEALTHY)', value: '+15559990000' },
		{ name: '+15559990001 (AT_RISK)', value: '+15559990001' },
		{ name: '+15559990002 (unknown)', value: '+15559990002' },
	]);
});

test('getPhoneNumbers asks what the SDK asks', async () => {
	const theirs = await captureRequest(() => sdk().phoneNumbers.list());
	const ours = await captureRequest(
		() => new Linq().methods.loadOptions.getPhoneNumbers.call(createLoadOptionsContext()),
		{ reply: { body: lines } },
	);
	expectSameRequest(ours, theirs);
});

test('every From picker is the one picker with Best Line: Chat Create, Chat Get Many, Capability', () => {
	const properties = new Linq().description.properties;
	const pickers = [];
	const visit = (property) => {
		if (property.name === 'from') pickers.push(property);
		for (const option of property.options ?? []) if (option.name) visit(option);
	};
	properties.forEach(visit);
	const owners = pickers.map((picker) => picker.typeOptions.loadOptionsMethod);
	expect(owners.length).toBeGreaterThanOrEqual(4);
	expect(new Set(owners)).toEqual(new Set(['getFromLines']));
});

test('getFromLines: Best Line first, then the lines', async () => {
	nock(BASE_URL).get('/v3/phone_numbers').reply(200, lines);
	const options = await new Linq().methods.loadOptions.getFromLines.call(
		createLoadOptionsContext(),
	);
	expect(options[0]).toMatchObject({ name: 'Best Line (Chosen by Linq)', value: 'best_line' });
	expect(options.slice(1).map((option) => option.value)).toEqual([
		'+15559990000',
		'+15559990001',
		'+15559990002',
	]);
});
