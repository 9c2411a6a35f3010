import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export const DEFAULT_V2_BASE_URL = 'https://api.linqapp.com';

/** Linq's legacy V2 Partner API: an integration token in its own header, paths under /api/partner/v2. */
export class LinqAppV2Api implements ICredentialType {
	name = 'linqAppV2Api';

	displayName = 'Linq V2 (Legacy) API';

	icon: Icon = { light: 'file:../icons/linqV2.svg', dark: 'file:../icons/linqV2.dark.svg' };

	documentationUrl = 'https://github.com/linqapp-community/n8n-nodes-linqapp#linq-v2-legacy';

	properties: INodeProperties[] = [
		{
			displayName: 'Integration Token',
			name: 'integrationToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The V2 integration token your Linq representative gave you. Accounts on the current API use the Linq API credentials instead.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_V2_BASE_URL,
			description:
				'Change only for a proxy or a test server. Paths such as /api/partner/v2/chats are added to it.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. Only needed when the Linq V2 Trigger (Legacy) receives events from a webhook subscription created outside n8n: the secret that subscription was created with. The trigger makes and stores a secret for the subscriptions it creates itself.',
			hint: 'At least 16 characters, exactly as given to Linq. With a shorter value every event is refused.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-LINQ-INTEGRATION-TOKEN': '={{$credentials.integrationToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/partner/v2/phone_numbers',
			method: 'GET',
		},
	};
}
