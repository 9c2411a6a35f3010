'use strict';
/**
 * The Linq V2 (Legacy) API credential as n8n uses it: its `={{…}}` values evaluated by
 * n8n-workflow's expression engine, and the test request sent through n8n's request function.
 */
const nock = require('nock');
const { Workflow } = require('n8n-workflow');
const { LinqAppV2Api, DEFAULT_V2_BASE_URL } = require('../../credentials/LinqAppV2Api.credentials');
const { sendLikeN8n } = require('../support/harness');
const { V2_BASE_URL, V2_TOKEN } = require('../support/v2Harness');

const credential = new LinqAppV2Api();
const node = {
	id: 'n1',
	name: 'Linq V2',
	type: 'n8n-nodes-linqapp.linqV2Legacy',
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

const resolveAll = (object, credentials) =>
	Object.fromEntries(
		Object.entries(object).map(([key, value]) => [
			key,
			workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			),
		]),
	);

const field = (name) => credential.properties.find((property) => property.name === name);

test('is linqAppV2Api, shown as Linq V2 (Legacy) API, with its own icons', () => {
	expect(credential.name).toBe('linqAppV2Api');
	expect(credential.displayName).toBe('Linq V2 (Legacy) API');
	expect(credential.icon).toEqual({
		light: 'file:../icons/linqV2.svg',
		dark: 'file:../icons/linqV2.dark.svg',
	});
	expect(credential.documentationUrl).toMatch(/^https:\/\/\S+#linq-v2-legacy$/);
});

test('the integration token is required and secret, the webhook secret optional and secret', () => {
	expect(field('integrationToken')).toMatchObject({
		required: true,
		typeOptions: { password: true },
	});
	expect(field('webhookSecret')).toMatchObject({ default: '', typeOptions: { password: true } });
	expect(field('webhookSecret').required).toBeFalsy();
	expect(field('baseUrl').default).toBe('https://api.linqapp.com');
	expect(DEFAULT_V2_BASE_URL).toBe('https://api.linqapp.com');
});

test('authenticates with the X-LINQ-INTEGRATION-TOKEN header', () => {
	expect(
		resolveAll(credential.authenticate.properties.headers, { integrationToken: V2_TOKEN }),
	).toEqual({
		'X-LINQ-INTEGRATION-TOKEN': V2_TOKEN,
	});
});

test.each([V2_BASE_URL, `${V2_BASE_URL}/`, `${V2_BASE_URL}///`])(
	'the credential test (Base URL %s) is GET /api/partner/v2/phone_numbers with the token',
	async (baseUrl) => {
		const credentials = { baseUrl, integrationToken: V2_TOKEN };
		const request = resolveAll(credential.test.request, credentials);
		const headers = resolveAll(credential.authenticate.properties.headers, credentials);
		const scope = nock(V2_BASE_URL, { reqheaders: { 'x-linq-integration-token': V2_TOKEN } })
			.get('/api/partner/v2/phone_numbers')
			.reply(200, { phone_numbers: [] });
		await expect(sendLikeN8n({ ...request, headers, json: true })).resolves.toEqual({
			phone_numbers: [],
		});
		scope.done();
	},
);
