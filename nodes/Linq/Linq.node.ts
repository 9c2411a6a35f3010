import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { resourceField, resourceProperties } from '../shared/resourceProperties';
import { route } from '../shared/router';
import { resumeWait, resumeWebhooks } from './actions/message/resumeWait';
import { getFromLines } from './actions/common/fromField';
import { resources } from './actions/resources';
import { toolDescriptionProperties } from './actions/toolDescriptions';
import * as loadOptions from '../shared/loadOptions';
import * as listSearch from './methods/listSearch';

export class Linq implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Linq',
		name: 'linq',
		icon: { light: 'file:../../icons/linq.svg', dark: 'file:../../icons/linq.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send and manage iMessage, RCS and SMS conversations with the Linq Partner API',
		defaults: { name: 'Linq' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'linqAppApi', required: true }],
		webhooks: resumeWebhooks,
		waitingNodeTooltip: 'Waiting for the reply or for the approval link to be opened',
		properties: [
			resourceField(resources, 'message'),
			...resources.flatMap(resourceProperties),
			...toolDescriptionProperties(resources),
		],
	};

	methods = { listSearch: { ...listSearch }, loadOptions: { ...loadOptions, getFromLines } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources);
	}

	/** Calls to the resume URL of a waiting Send and Wait for Response. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeWait.call(this);
	}
}
