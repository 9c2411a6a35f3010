'use strict';
/**
 * Linq's V2 reference as the oracle for request shapes: every request the V2 node sends must be
 * an operation of test/fixtures/linqV2OpenApi.json (the OpenAPI fragments of the reference,
 * merged), with only the query parameters it declares (the required ones present) and a body
 * its request schema accepts: required properties present, types and enums right, and nothing
 * the schema does not declare.
 */
const spec = require('../fixtures/linqV2OpenApi.json');
const { parseMultipart, formValues, flatFormValues } = require('./multipart');

const PREFIX = '/api/partner/v2';

function resolve(schema) {
	if (schema && schema.$ref) return resolve(spec.components.schemas[schema.$ref.split('/').pop()]);
	return schema;
}

/** The operation for a method and a concrete path, with the path's parameters. */
function findOperation(method, path) {
	const relative = `${PREFIX}${path.slice(PREFIX.length)}`;
	// Literal paths first: /chats/find is not /chats/{chat_id}.
	const templates = Object.entries(spec.paths).sort(
		([a], [b]) => a.split('{').length - b.split('{').length,
	);
	for (const [template, operations] of templates) {
		const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
		const match = pattern.exec(relative);
		const operation = match && operations[method.toLowerCase()];
		if (operation) return { template, operation, values: match.slice(1) };
	}
	return undefined;
}

/** Problems with `value` against `schema`, as readable strings (empty = valid). */
function check(value, schema, where) {
	const resolved = resolve(schema);
	if (!resolved) return [];
	if (value === null) return resolved.nullable ? [] : [`${where} is null`];
	const problems = [];
	const type = resolved.type;
	if (resolved.enum && !resolved.enum.includes(value)) {
		problems.push(`${where} = ${JSON.stringify(value)} is not one of ${resolved.enum.join(', ')}`);
	}
	if (type === 'object' || resolved.properties) {
		if (typeof value !== 'object' || Array.isArray(value)) return [`${where} is not an object`];
		for (const key of resolved.required ?? []) {
			if (!(key in value)) problems.push(`${where}.${key} is required`);
		}
		for (const [key, entry] of Object.entries(value)) {
			const property = resolved.properties?.[key];
			if (!property) problems.push(`${where}.${key} is not in the schema`);
			else problems.push(...check(entry, property, `${where}.${key}`));
		}
	} else if (type === 'array') {
		if (!Array.isArray(value)) return [`${where} is not an array`];
		if (resolved.minItems && value.length < resolved.minItems)
			problems.push(`${where} has fewer than ${resolved.minItems} items`);
		value.forEach((entry, index) =>
			problems.push(...check(entry, resolved.items, `${where}[${index}]`)),
		);
	} else if (type === 'string') {
		if (resolved.format === 'binary') {
			if (!(value && typeof value === 'object' && Buffer.isBuffer(value.bytes)))
				problems.push(`${where} is not a file`);
		} else if (typeof value !== 'string') problems.push(`${where} is not a string`);
		else if (resolved.pattern && !new RegExp(resolved.pattern).test(value))
			problems.push(`${where} does not match ${resolved.pattern}`);
	} else if (type === 'integer') {
		if (!Number.isInteger(value)) problems.push(`${where} is not an integer`);
	} else if (type === 'boolean') {
		if (typeof value !== 'boolean') problems.push(`${where} is not a boolean`);
	}
	return problems;
}

/**
 * Checks a captured request `{method, path, searchParams: [[k, v]], contentType, rawBody}`
 * against the reference and returns the problems found (empty = it is a documented request).
 */
function specProblems(request) {
	const found = findOperation(request.method, request.path);
	if (!found) return [`${request.method} ${request.path} is not a V2 endpoint`];
	const { operation, values, template } = found;
	const problems = [];
	const parameters = operation.parameters ?? [];
	const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
	pathParameters.forEach((parameter, index) => {
		if (parameter.schema.type === 'integer' && !/^\d+$/.test(values[index]))
			problems.push(`path parameter ${parameter.name} = ${values[index]} is not an integer`);
	});
	const query = parameters.filter((parameter) => parameter.in === 'query');
	const sent = request.searchParams.map(([key]) => key);
	for (const key of new Set(sent)) {
		const parameter = query.find((entry) => entry.name === key);
		if (!parameter) {
			problems.push(`query ${key} is not a parameter of ${template}`);
			continue;
		}
		for (const [, value] of request.searchParams.filter(([name]) => name === key)) {
			const schema = parameter.schema.type === 'array' ? parameter.schema.items : parameter.schema;
			if (schema.type === 'integer' && !/^\d+$/.test(value))
				problems.push(`query ${key} is not an integer`);
			if (schema.maximum !== undefined && Number(value) > schema.maximum)
				problems.push(`query ${key} is above ${schema.maximum}`);
			if (schema.enum && !schema.enum.includes(value))
				problems.push(`query ${key} is not in its enum`);
		}
	}
	for (const parameter of query.filter((entry) => entry.required)) {
		if (!sent.includes(parameter.name)) problems.push(`query ${parameter.name} is required`);
	}

	const content = operation.requestBody?.content ?? {};
	const hasBody = request.rawBody && request.rawBody.length > 0;
	if (!operation.requestBody) {
		if (hasBody) problems.push(`${template} takes no body`);
		return problems;
	}
	if (!hasBody)
		return operation.requestBody.required ? [...problems, 'the body is missing'] : problems;
	if (request.contentType.startsWith('multipart/form-data')) {
		const fields = parseMultipart(request.rawBody, request.contentType) ?? [];
		const multipartSchema = content['multipart/form-data']?.schema;
		if (multipartSchema) {
			// Field names are the schema's property names, such as message[attachments][].
			return [...problems, ...check(flatFormValues(fields), multipartSchema, 'body')];
		}
		const jsonSchema = content['application/json']?.schema;
		if (!jsonSchema) return [...problems, `${template} takes no multipart body`];
		return [...problems, ...check(formValues(fields), jsonSchema, 'body')];
	}
	const schema = content['application/json']?.schema;
	if (!schema) return [...problems, `${template} takes no JSON body`];
	return [...problems, ...check(JSON.parse(request.rawBody.toString('utf8')), schema, 'body')];
}

module.exports = { specProblems, findOperation, spec };
