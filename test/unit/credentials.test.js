'use strict';
/**
 * The credential as n8n uses it. Its `={{…}}` values are evaluated by n8n-workflow's own
 * expression engine with `$credentials` as an additional key, which is how n8n's credentials
 * helper resolves `authenticate` and how RoutingNode resolves the `test` request.
 */
const nock = require('nock');
const { Workflow } = require('n8n-workflow');
const { LinqAppApi, DEFAULT_BASE_URL } = require('../../credentials/LinqAppApi.credentials');
const { BASE_URL, TEST_TOKEN, createExecuteContext, sendLikeN8n } = require('../support/harness');
const { linqApiRequest } = require('../../nodes/shared/transport');

const credential = new LinqAppApi();
const node = {
	id: 'n1',
	name: 'Linq',
	type: 'n8n-nodes-linqapp.linq',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const nodeType = { description: { properties: [] } };
const workflow = new Workflow({
	nodes: [node],
	connections: {},
	active: false,
	nodeTypes: {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	},
});

function evaluate(value, credentials) {
	return workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
}

function resolveAll(object, credentials) {
	return Object.fromEntries(
		Object.entries(object).map(([key, value]) => [key, evaluate(value, credentials)]),
	);
}

describe('fields', () => {
	const field = (name) => credential.properties.find((property) => property.name === name);

	test('is named linqAppApi, shown as Linq API, with a documentation URL and both icons', () => {
		expect(credential.name).toBe('linqAppApi');
		expect(credential.displayName).toBe('Linq API');
		expect(credential.documentationUrl).toMatch(/^https:\/\/\S+$/);
		expect(credential.icon).toEqual({
			light: 'file:../icons/linq.svg',
			dark: 'file:../icons/linq.dark.svg',
		});
	});

	test('the API token is a required password field', () => {
		expect(field('apiToken')).toMatchObject({
			type: 'string',
			required: true,
			typeOptions: { password: true },
		});
	});

	test('the webhook signing secret is an optional password field', () => {
		const secret = field('webhookSigningSecret');
		expect(secret).toMatchObject({ type: 'string', typeOptions: { password: true }, default: '' });
		expect(secret.required).toBeFalsy();
	});

	test('the signing secret field says what format it expects', () => {
		const secret = field('webhookSigningSecret');
		expect(secret.placeholder).toMatch(/^whsec_/);
		expect(secret.hint).toMatch(/whsec_ followed by the base64 key \(at least 16 bytes\)/);
	});

	test('the base URL defaults to the production Partner API', () => {
		expect(field('baseUrl')).toMatchObject({
			type: 'string',
			default: 'https://api.linqapp.com/api/partner',
		});
		expect(DEFAULT_BASE_URL).toBe('https://api.linqapp.com/api/partner');
	});
});

describe('authenticate', () => {
	test('resolves to a Bearer Authorization header', () => {
		expect(credential.authenticate.type).toBe('generic');
		expect(
			resolveAll(credential.authenticate.properties.headers, { apiToken: TEST_TOKEN }),
		).toEqual({
			Authorization: `Bearer ${TEST_TOKEN}`,
		});
	});

	test('puts the token on a real request made through the transport', async () => {
		const scope = nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } })
			.get('/v3/phone_numbers')
			.reply(200, { phone_numbers: [] });
		await linqApiRequest.call(createExecuteContext(), { method: 'GET', path: '/v3/phone_numbers' });
		scope.done();
	});
});

describe('test request', () => {
	test.each([
		['https://sandbox.linq.test/api/partner', 'https://sandbox.linq.test/api/partner'],
		['https://sandbox.linq.test/api/partner/', 'https://sandbox.linq.test/api/partner'],
		['https://sandbox.linq.test/api/partner///', 'https://sandbox.linq.test/api/partner'],
	])('with Base URL %s resolves to %s', (baseUrl, expected) => {
		const { baseURL, url, method } = credential.test.request;
		expect(evaluate(baseURL, { baseUrl, apiToken: TEST_TOKEN })).toBe(expected);
		expect(url).toBe('/v3/phone_numbers');
		expect(method).toBe('GET');
	});

	test.each([BASE_URL, `${BASE_URL}/`])(
		'sent the way n8n sends it (Base URL %s) is GET /v3/phone_numbers with the Bearer token',
		async (baseUrl) => {
			const credentials = { baseUrl, apiToken: TEST_TOKEN };
			const request = resolveAll(credential.test.request, credentials);
			const headers = resolveAll(credential.authenticate.properties.headers, credentials);
			const scope = nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } })
				.get('/v3/phone_numbers')
				.reply(200, { phone_numbers: [] });
			await expect(sendLikeN8n({ ...request, headers, json: true })).resolves.toEqual({
				phone_numbers: [],
			});
			scope.done();
		},
	);
});
