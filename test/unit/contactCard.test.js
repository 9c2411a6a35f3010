'use strict';
jest.mock('n8n-workflow', () => require('../support/sleep').mockWorkflow());

const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { expectLocalError } = require('../support/localValidation');

const LINE = '+15551234567';
const card = (overrides = {}) => ({
	first_name: 'Acme',
	is_active: true,
	phone_number: LINE,
	...overrides,
});

describe('contact card get', () => {
	test('for every line sends what the SDK sends and outputs one item per card', async () => {
		const cards = [card(), card({ phone_number: '+15551234568', first_name: 'Acme East' })];
		const theirs = await captureRequest(() => sdk().contactCard.retrieve());
		let out;
		const ours = await captureRequest(
			async () => (out = await runNode({ resource: 'contactCard', operation: 'get', filters: {} })),
			{ reply: { status: 200, body: { contact_cards: cards } } },
		);
		expectSameRequest(ours, theirs);
		expect(ours).toMatchObject({ method: 'GET', path: '/v3/contact_card', query: {} });
		expect(out).toEqual(cards.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('for one line sends what the SDK sends', async () => {
		const theirs = await captureRequest(() => sdk().contactCard.retrieve({ phone_number: LINE }));
		const ours = await captureRequest(() =>
			runNode({
				resource: 'contactCard',
				operation: 'get',
				filters: { phoneNumber: '(555) 123-4567' },
			}),
		);
		expectSameRequest(ours, theirs);
		expect(ours.query).toEqual({ phone_number: LINE });
	});

	test('a bad line filter fails on its item before any request', async () => {
		// An empty filter, not a missing one: in n8n a field cannot be there for one item only.
		const params = { resource: 'contactCard', operation: 'get', filters: { phoneNumber: '' } };
		await expectLocalError(params, { filters: { phoneNumber: 'abc' } }, 'Phone Number', {
			status: 200,
			body: { contact_cards: [] },
		});
	});
});

describe('contact card create', () => {
	const params = {
		resource: 'contactCard',
		operation: 'create',
		phoneNumber: LINE,
		firstName: ' Acme ',
		additionalFields: { lastName: 'Support', imageUrl: 'https://cdn.example.com/acme.jpg' },
	};

	test('sends what the SDK sends and outputs the card', async () => {
		const theirs = await captureRequest(() =>
			sdk().contactCard.create({
				first_name: 'Acme',
				phone_number: LINE,
				image_url: 'https://cdn.example.com/acme.jpg',
				last_name: 'Support',
			}),
		);
		let out;
		const ours = await captureRequest(async () => (out = await runNode(params)), {
			reply: { status: 200, body: card({ last_name: 'Support' }) },
		});
		expectSameRequest(ours, theirs);
		expect(ours.method).toBe('POST');
		expect(out).toEqual([{ json: card({ last_name: 'Support' }), pairedItem: { item: 0 } }]);
	});

	test('with the first name alone sends what the SDK sends', async () => {
		const theirs = await captureRequest(() =>
			sdk().contactCard.create({ first_name: 'Acme', phone_number: LINE }),
		);
		const ours = await captureRequest(() => runNode({ ...params, additionalFields: {} }));
		expectSameRequest(ours, theirs);
	});

	test('a server error is retried, because setting the same card twice leaves one card', async () => {
		let calls = 0;
		let out;
		const sent = await captureRequest(async () => (out = await runNode(params)), {
			all: true,
			reply: () =>
				++calls === 1
					? { status: 502, body: { code: 3000, message: 'bad gateway' } }
					: { status: 200, body: card() },
		});
		expect(sent).toHaveLength(2);
		expect(sent[1].body).toEqual(sent[0].body);
		expect(out[0].json).toEqual(card());
	});

	test('an empty first name fails on its item before any request', async () => {
		await expectLocalError(params, { firstName: '  ' }, 'First Name');
	});

	test('a bad line fails on its item before any request', async () => {
		await expectLocalError(params, { phoneNumber: '' }, 'Phone Number');
	});
});

describe('contact card update', () => {
	const params = {
		resource: 'contactCard',
		operation: 'update',
		phoneNumber: LINE,
		updateFields: { firstName: 'John', imageUrl: 'https://cdn.example.com/john.jpg' },
	};

	test('sends what the SDK sends: the line in the query, the changes in the body', async () => {
		const theirs = await captureRequest(() =>
			sdk().contactCard.update({
				phone_number: LINE,
				first_name: 'John',
				image_url: 'https://cdn.example.com/john.jpg',
			}),
		);
		const ours = await captureRequest(() => runNode(params));
		expectSameRequest(ours, theirs);
		expect(ours).toMatchObject({
			method: 'PATCH',
			path: '/v3/contact_card',
			query: { phone_number: LINE },
			body: { first_name: 'John', image_url: 'https://cdn.example.com/john.jpg' },
		});
	});

	test('no field to change fails on its item before any request', async () => {
		await expectLocalError(params, { updateFields: { lastName: ' ' } }, 'Update Fields');
	});
});
