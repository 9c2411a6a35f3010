'use strict';
/**
 * Both credentials as n8n uses them, one table. Their `={{…}}` values are evaluated by
 * n8n-workflow's own expression engine with `$credentials` as an additional key, which is how
 * n8n's credentials helper resolves `authenticate` and how RoutingNode resolves the `test`
 * request; the test request is then sent through n8n's request function.
 */
const nock = require('nock');
const { Workflow } = require('n8n-workflow');
const { LinqAppApi, DEFAULT_BASE_URL } = require('../../credentials/LinqAppApi.credentials');
const { LinqAppV2Api, DEFAULT_V2_BASE_URL } = require('../../credentials/LinqAppV2Api.credentials');
const { BASE_URL, TEST_TOKEN, createExecuteContext, sendLikeN8n } = require('../support/harness');
const { V2_BASE_URL, V2_TOKEN } = require('../support/v2Harness');
const { linqApiRequest } = require('../../nodes/shared/transport');

const CREDENTIALS = [
	{
		credential: new LinqAppApi(),
		name: 'linqAppApi',
		displayName: 'Linq API',
		documentationUrl: /^https:\/\/\S+#credentials$/,
		icon: 'linq',
		tokenField: 'apiToken',
		secretField: 'webhookSigningSecret',
		defaultBaseUrl: 'https://api.linqapp.com/api/partner',
		exportedDefault: DEFAULT_BASE_URL,
		header: (token) => ({ Authorization: `Bearer ${token}` }),
		testPath: '/v3/phone_numbers',
		server: BASE_URL,
		token: TEST_TOKEN,
	},
	{
		credential: new LinqAppV2Api(),
		name: 'linqAppV2Api',
		displayName: 'Linq V2 (Legacy) API',
		documentationUrl: /^https:\/\/\S+#linq-v2-legacy$/,
		icon: 'linqV2',
		tokenField: 'integrationToken',
		secretField: 'webhookSecret',
		defaultBaseUrl: 'https://api.linqapp.com',
		exportedDefault: DEFAULT_V2_BASE_URL,
		header: (token) => ({ 'X-LINQ-INTEGRATION-TOKEN': token }),
		testPath: '/api/partner/v2/phone_numbers',
		server: V2_BASE_URL,
		token: V2_TOKEN,
	},
];

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

describe.each(CREDENTIALS)('$name', (spec) => {
	const { credential } = spec;
	const field = (name) => credential.properties.find((property) => property.name === name);

	test('has its name, display name, documentation URL and both icons', () => {
		expect(credential.name).toBe(spec.name);
		expect(credential.displayName).toBe(spec.displayName);
		expect(credential.documentationUrl).toMatch(spec.documentationUrl);
		expect(credential.icon).toEqual({
			light: `file:../icons/${spec.icon}.svg`,
			dark: `file:../icons/${spec.icon}.dark.svg`,
		});
	});

	test('the token is a required password field', () => {
		expect(field(spec.tokenField)).toMatchObject({
			type: 'string',
			required: true,
			typeOptions: { password: true },
		});
	});

	test('the webhook secret is an optional password field', () => {
		const secret = field(spec.secretField);
		expect(secret).toMatchObject({ type: 'string', typeOptions: { password: true }, default: '' });
		expect(secret.required).toBeFalsy();
	});

	test('the base URL defaults to the production API', () => {
		expect(field('baseUrl')).toMatchObject({ type: 'string', default: spec.defaultBaseUrl });
		expect(spec.exportedDefault).toBe(spec.defaultBaseUrl);
	});

	test('authenticate resolves to its token header', () => {
		expect(credential.authenticate.type).toBe('generic');
		expect(
			resolveAll(credential.authenticate.properties.headers, { [spec.tokenField]: spec.token }),
		).toEqual(spec.header(spec.token));
	});

	test.each([
		['https://sandbox.linq.test/api', 'https://sandbox.linq.test/api'],
		['https://sandbox.linq.test/api/', 'https://sandbox.linq.test/api'],
		['https://sandbox.linq.test/api///', 'https://sandbox.linq.test/api'],
	])('the test request with Base URL %s resolves to %s', (baseUrl, expected) => {
		const { baseURL, url, method } = credential.test.request;
		expect(evaluate(baseURL, { baseUrl, [spec.tokenField]: spec.token })).toBe(expected);
		expect(url).toBe(spec.testPath);
		expect(method).toBe('GET');
	});

	test.each(['', '/', '///'])(
		'the test request sent the way n8n sends it (Base URL ending %p) is GET on phone numbers with the token',
		async (ending) => {
			const credentials = { baseUrl: `${spec.server}${ending}`, [spec.tokenField]: spec.token };
			const request = resolveAll(credential.test.request, credentials);
			const headers = resolveAll(credential.authenticate.properties.headers, credentials);
			const scope = nock(spec.server, { reqheaders: spec.header(spec.token) })
				.get(spec.testPath)
				.reply(200, { phone_numbers: [] });
			await expect(sendLikeN8n({ ...request, headers, json: true })).resolves.toEqual({
				phone_numbers: [],
			});
			scope.done();
		},
	);
});

describe('linqAppApi only', () => {
	const secret = new LinqAppApi().properties.find(
		(property) => property.name === 'webhookSigningSecret',
	);

	test('the signing secret field says what format it expects', () => {
		expect(secret.placeholder).toMatch(/^whsec_/);
		expect(secret.hint).toMatch(/whsec_ followed by the base64 key \(at least 16 bytes\)/);
	});

	test('puts the token on a real request made through the transport', async () => {
		const scope = nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } })
			.get('/v3/phone_numbers')
			.reply(200, { phone_numbers: [] });
		await linqApiRequest.call(createExecuteContext(), { method: 'GET', path: '/v3/phone_numbers' });
		scope.done();
	});
});
