import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resourceField, resourceProperties } from '../shared/resourceProperties';
import { route } from '../shared/router';
import { resources } from './actions/resources';
import { getPhoneNumberIds, getPhoneNumbers } from './methods/loadOptions';

export class LinqV2Legacy implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Linq V2 (Legacy)',
		name: 'linqV2Legacy',
		icon: { light: 'file:../../icons/linqV2.svg', dark: 'file:../../icons/linqV2.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Chats, messages, contacts and webhooks on Linq's legacy V2 API, for accounts with an integration token",
		defaults: { name: 'Linq V2 (Legacy)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'linqAppV2Api', required: true }],
		properties: [resourceField(resources, 'chatMessage'), ...resources.flatMap(resourceProperties)],
	};

	methods = { loadOptions: { getPhoneNumbers, getPhoneNumberIds } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources);
	}
}
