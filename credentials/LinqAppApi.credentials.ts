import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://api.linqapp.com/api/partner';

export class LinqAppApi implements ICredentialType {
	name = 'linqAppApi';

	displayName = 'Linq API';

	icon: Icon = { light: 'file:../icons/linq.svg', dark: 'file:../icons/linq.dark.svg' };

	documentationUrl = 'https://github.com/linqapp-community/n8n-nodes-linqapp#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Your Linq Partner API token. In Linq Zero, open the API (code) icon in the left toolbar to copy it.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Change only for a sandbox environment or a proxy. Paths such as /v3/chats are added to it.',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'whsec_…',
			description:
				'Optional. Only needed when the Linq Trigger receives events from a webhook subscription created outside n8n. The trigger stores the secret of the subscriptions it creates itself.',
			hint: 'Paste it exactly as Linq showed it: whsec_ followed by the base64 key (at least 16 bytes). With any other value every event is refused.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v3/phone_numbers',
			method: 'GET',
		},
	};
}
