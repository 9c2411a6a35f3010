'use strict';
const nock = require('nock');
const { Linq } = require('../../nodes/Linq/Linq.node');
const { BASE_URL, TEST_TOKEN, createLoadOptionsContext } = require('../support/harness');
const { sdk, captureRequest, expectSameRequest } = require('../support/oracle');

const me = { handle: '+15559990000', is_me: true };
const chats = [
	{
		id: 'c-1',
		display_name: 'Ops Team',
		handles: [me, { handle: '+15551230001' }, { handle: 'ana@example.com' }],
	},
	{ id: 'c-2', display_name: null, handles: [me, { handle: '+15551230002' }] },
	{ id: 'c-3', display_name: '+15551230003', handles: [me, { handle: '+15551230003' }] },
];

const search = (filter, token) =>
	new Linq().methods.listSearch.searchChats.call(createLoadOptionsContext(), filter, token);

test('lists chats by name and other participants, and hands on the cursor', async () => {
	nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } })
		.get('/v3/chats')
		.query({ limit: '50' })
		.reply(200, { chats, next_cursor: '50' });
	const result = await search();
	expect(result).toEqual({
		results: [
			{ name: 'Ops Team (+15551230001, ana@example.com)', value: 'c-1' },
			{ name: '+15551230002', value: 'c-2' },
			{ name: '+15551230003', value: 'c-3' },
		],
		paginationToken: '50',
	});
});

test('the pagination token is sent as the cursor; the last page has no token', async () => {
	const theirs = await captureRequest(() => sdk().chats.listChats({ limit: 50, cursor: '50' }));
	const ours = await captureRequest(() => search(undefined, '50'), {
		reply: { body: { chats: [], next_cursor: null } },
	});
	expectSameRequest(ours, theirs);
	nock(BASE_URL).get('/v3/chats').query(true).reply(200, { chats, next_cursor: null });
	expect((await search(undefined, '50')).paginationToken).toBeUndefined();
});

test('a filter that is a handle asks Linq for chats with that participant', async () => {
	const theirs = await captureRequest(() =>
		sdk().chats.listChats({ to: '+15551230001', limit: 50 }),
	);
	const ours = await captureRequest(() => search('(555) 123-0001'), {
		reply: { body: { chats: [chats[0]] } },
	});
	expectSameRequest(ours, theirs);
});

test('any other filter matches chat names and handles, case-insensitively', async () => {
	nock(BASE_URL).get('/v3/chats').query({ limit: '50' }).reply(200, { chats, next_cursor: '50' });
	const result = await search('ops');
	expect(result.results.map((item) => item.value)).toEqual(['c-1']);
	expect(result.paginationToken).toBe('50');
	nock(BASE_URL).get('/v3/chats').query({ limit: '50' }).reply(200, { chats });
	expect((await search('ANA@')).results.map((item) => item.value)).toEqual(['c-1']);
});

test('the Chat field offers the list and a UUID-validated By ID mode', () => {
	const field = new Linq().description.properties.find(
		(property) => property.name === 'chatId' && property.displayOptions.show.resource[0] === 'chat',
	);
	const [list, byId] = field.modes;
	expect(list.typeOptions).toEqual({ searchListMethod: 'searchChats', searchable: true });
	const regex = new RegExp(byId.validation[0].properties.regex);
	expect(regex.test('550e8400-e29b-41d4-a716-446655440000')).toBe(true);
	expect(regex.test('550e8400-e29b-41d4-a716')).toBe(false);
	expect(regex.test('not-a-chat')).toBe(false);
});
