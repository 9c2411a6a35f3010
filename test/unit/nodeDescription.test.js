'use strict';
/**
 * The shape of the whole Linq node description, checked from the resource registry so that it
 * holds for every resource, including ones added later.
 */
const { Linq } = require('../../nodes/Linq/Linq.node');
const { resources } = require('../../nodes/Linq/actions/resources');

const node = new Linq();
const { description } = node;
const isDropdown = (property) => property.name === 'resource' || property.name === 'operation';
/** The Tool Description fields exist only on the tool variant (checked in toolDescriptions.test.js). */
const isToolOnly = (property) => property.displayOptions?.show?.['@tool'] !== undefined;
const operationFields = description.properties.filter(
	(property) => !isDropdown(property) && !isToolOnly(property),
);

/** Every field, nested ones (collection and fixed collection entries) included. */
function allFields(properties, path = []) {
	return properties.flatMap((property) => {
		const here = [...path, property.displayName ?? property.name];
		const nested = (property.options ?? []).flatMap((option) => {
			if (Array.isArray(option.values))
				return allFields(option.values, [...here, option.displayName]);
			return option.type !== undefined ? allFields([option], here) : [];
		});
		return [{ property, path: here.join(' > ') }, ...nested];
	});
}

const everyField = allFields(description.properties);

test('the node is usable as an AI tool and uses the Linq API credentials', () => {
	expect(description.usableAsTool).toBe(true);
	expect(description.credentials).toEqual([{ name: 'linqAppApi', required: true }]);
});

test('the Resource dropdown offers every registered resource once', () => {
	const resourceField = description.properties.find((property) => property.name === 'resource');
	const values = resourceField.options.map((option) => option.value);
	expect(values).toEqual(resources.map((resource) => resource.value));
	expect(new Set(values).size).toBe(values.length);
	expect(values).toContain(resourceField.default);
});

describe.each(resources.map((resource) => [resource.value, resource]))(
	'resource %s',
	(value, resource) => {
		const dropdown = description.properties.filter(
			(property) =>
				property.name === 'operation' && property.displayOptions?.show?.resource?.includes(value),
		);

		test('has one Operation dropdown with every operation once, each named, with an action and a description', () => {
			expect(dropdown).toHaveLength(1);
			const [operationField] = dropdown;
			expect(operationField.displayOptions.show).toEqual({ resource: [value] });
			const values = operationField.options.map((option) => option.value);
			expect(new Set(values).size).toBe(values.length);
			expect(values.sort()).toEqual(resource.operations.map((operation) => operation.value).sort());
			expect(values).toContain(operationField.default);
			for (const option of operationField.options) {
				expect(typeof option.name).toBe('string');
				expect(option.name.trim()).not.toBe('');
				expect(typeof option.action).toBe('string');
				expect(option.action.trim()).not.toBe('');
				expect(typeof option.description).toBe('string');
				expect(option.description.trim()).not.toBe('');
			}
		});

		test.each(resource.operations.map((operation) => [operation.value, operation]))(
			'operation %s: its fields are shown only for this resource and operation',
			(operationValue, operation) => {
				const shown = operationFields.filter(
					(property) =>
						property.displayOptions?.show?.resource?.includes(value) &&
						property.displayOptions?.show?.operation?.includes(operationValue),
				);
				expect(shown.map((property) => property.name)).toEqual(
					operation.properties.map((property) => property.name),
				);
				for (const property of shown) {
					expect(property.displayOptions.show.resource).toEqual([value]);
					expect(property.displayOptions.show.operation).toEqual([operationValue]);
				}
			},
		);
	},
);

test('every field below the dropdowns belongs to exactly one resource and operation', () => {
	const stray = operationFields.filter(
		(property) =>
			property.displayOptions?.show?.resource?.length !== 1 ||
			property.displayOptions?.show?.operation?.length !== 1,
	);
	expect(stray.map((property) => property.name)).toEqual([]);
	const declared = resources.reduce(
		(count, resource) =>
			count + resource.operations.reduce((sum, operation) => sum + operation.properties.length, 0),
		0,
	);
	expect(operationFields).toHaveLength(declared);
});

test('every required field has a default', () => {
	const missing = everyField
		.filter(({ property }) => property.required && property.default === undefined)
		.map(({ path }) => path);
	expect(missing).toEqual([]);
});

test('every loadOptions and listSearch method a field names exists on the node', () => {
	const named = everyField.flatMap(({ property, path }) => {
		const methods = [];
		const loadOptionsMethod = property.typeOptions?.loadOptionsMethod;
		if (loadOptionsMethod) methods.push({ path, kind: 'loadOptions', name: loadOptionsMethod });
		for (const mode of property.modes ?? []) {
			const searchListMethod = mode.typeOptions?.searchListMethod;
			if (searchListMethod) methods.push({ path, kind: 'listSearch', name: searchListMethod });
		}
		return methods;
	});
	expect(named.length).toBeGreaterThan(0);
	const missing = named.filter(
		({ kind, name }) => typeof node.methods[kind]?.[name] !== 'function',
	);
	expect(missing).toEqual([]);
});
