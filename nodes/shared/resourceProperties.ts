import type { INodeProperties } from 'n8n-workflow';

import type { LinqResource } from './operation';

/**
 * The Operation dropdown of a resource and its operations' fields, each shown only for its
 * own resource and operation. Operation files declare fields without displayOptions.
 */
export function resourceProperties(resource: LinqResource): INodeProperties[] {
	const operationField: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: resource.operations
			.map((operation) => ({
				name: operation.name,
				value: operation.value,
				action: operation.action,
				description: operation.description,
			}))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: '',
	};
	// The dropdown opens on the resource's most common operation.
	operationField.default = resource.defaultOperation;

	const fields = resource.operations.flatMap((operation) =>
		operation.properties.map((property) => {
			const show = property.displayOptions?.show ?? {};
			return {
				...property,
				displayOptions: {
					...property.displayOptions,
					show: { ...show, resource: [resource.value], operation: [operation.value] },
				},
			};
		}),
	);
	return [operationField, ...fields];
}

/** The Resource dropdown of an action node, opening on `defaultResource`. */
export function resourceField(resources: LinqResource[], defaultResource: string): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((resource) => ({
			name: resource.name,
			value: resource.value,
			description: resource.description,
		})),
		default: defaultResource,
	};
}
