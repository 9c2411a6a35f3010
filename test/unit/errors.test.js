'use strict';
const { NodeApiError } = require('n8n-workflow');
const {
	describeFailure,
	linqApiError,
	linqNetworkError,
	readLinqError,
} = require('../../nodes/shared/errors');
const { defaultNode } = require('../support/harness');

const node = defaultNode();

describe('readLinqError', () => {
	test('reads code, message and trace_id from a Linq error body', () => {
		expect(readLinqError(400, { code: 1005, message: 'No links', trace_id: 't-1' })).toEqual({
			status: 400,
			code: 1005,
			message: 'No links',
			traceId: 't-1',
		});
	});

	test('reads an error nested under "error", and a JSON string body', () => {
		expect(
			readLinqError(404, '{"error":{"code":2001,"message":"Not found","trace_id":"t-2"}}'),
		).toEqual({
			status: 404,
			code: 2001,
			message: 'Not found',
			traceId: 't-2',
		});
	});

	test('takes the trace id from the x-trace-id header when the body has none', () => {
		expect(readLinqError(500, { message: 'Oops' }, { 'x-trace-id': 't-3' }).traceId).toBe('t-3');
	});

	test('takes a plain string "error" as the message', () => {
		expect(readLinqError(401, { error: 'Unauthorized' }).message).toBe('Unauthorized');
	});

	test('reads a Buffer body', () => {
		expect(readLinqError(422, Buffer.from('{"code":2004,"message":"Bad"}'))).toMatchObject({
			code: 2004,
			message: 'Bad',
		});
	});

	test('an HTML page from a proxy becomes its title', () => {
		const page =
			'<!DOCTYPE html>\n<html><head><title>504 Gateway Time-out</title></head><body><h1>504</h1></body></html>';
		expect(readLinqError(504, page).message).toBe('504 Gateway Time-out');
	});

	test('an HTML page without a title becomes its text', () => {
		expect(
			readLinqError(503, '<html><body><h1>Service</h1>\n<p>Unavailable</p></body></html>').message,
		).toBe('Service Unavailable');
	});

	test('plain text is kept, shortened to 300 characters', () => {
		expect(readLinqError(500, `  upstream ${'x'.repeat(400)}  `).message).toHaveLength(300);
	});

	test.each([[''], ['   '], [null], [undefined], [[1, 2]]])(
		'an empty or unusable body %p gives only the status',
		(body) => {
			expect(readLinqError(502, body)).toEqual({
				status: 502,
				code: undefined,
				message: undefined,
				traceId: undefined,
			});
		},
	);
});

describe('describeFailure', () => {
	test.each([
		[400, 'Check the fields named in the message'],
		[401, 'Check the API token'],
		[403, 'not allowed to do this'],
		[404, 'Check the ID'],
		[409, 'conflicts'],
		[422, 'cannot do it with these values'],
		[429, '30 messages per 60 seconds'],
		[503, 'Linq had a problem on its side'],
	])('%i says what to do next and always shows the trace_id', (status, hint) => {
		const text = describeFailure({ status, traceId: 'trace-9' });
		expect(text).toContain(hint);
		expect(text).toContain('trace_id: trace-9');
	});

	test('says when there is no trace_id and how many attempts were made', () => {
		const text = describeFailure({ status: 500, attempts: 5 });
		expect(text).toContain('Attempts made: 5.');
		expect(text).toContain('trace_id: not given');
	});
});

describe('linqApiError', () => {
	test('builds a NodeApiError with the status, Linq code and trace id', () => {
		const error = linqApiError(
			node,
			{ status: 422, code: 2004, message: 'Bad value', traceId: 't-4' },
			1,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('422');
		expect(error.message).toBe('Linq API error 422 (code 2004): Bad value');
		expect(error.description).toContain('trace_id: t-4');
		expect(error.context).toMatchObject({ itemIndex: 1, linqCode: 2004, traceId: 't-4' });
	});

	test('a 429 says it was rate limited and for how long', () => {
		const error = linqApiError(node, {
			status: 429,
			code: 1007,
			message: 'Slow down',
			retryAfterMs: 1500,
		});
		expect(error.message).toBe('Linq rate limited the request (code 1007); retry after 2 s');
		expect(error.description).toContain('Slow down');
	});
});

describe('linqNetworkError', () => {
	test("keeps its own message rather than n8n's generic one for the code", () => {
		const error = linqNetworkError(
			node,
			{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.1:443' },
			3,
			0,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Could not reach the Linq API (ECONNREFUSED)');
		expect(error.description).toBe(
			'connect ECONNREFUSED 10.0.0.1:443. Check the Base URL in your Linq API credentials and the network between n8n and Linq. Attempts made: 3.',
		);
		expect(error.context.itemIndex).toBe(0);
	});

	test('without a code it still reads as a network problem', () => {
		expect(linqNetworkError(node, {}, 1).message).toBe(
			'Could not reach the Linq API (network error)',
		);
	});
});
