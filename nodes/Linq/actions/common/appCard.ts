import {
	NodeOperationError,
	type IDataObject,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';

import { isHttpsUrl } from '../../../shared/httpsUrl';
import { textValue } from '../../../shared/textValue';

/** What a card shows; Linq renders an empty bubble without one of the first five. */
const LAYOUT_KEYS = [
	['caption', 'Caption'],
	['subcaption', 'Subcaption'],
	['trailing_caption', 'Trailing Caption'],
	['trailing_subcaption', 'Trailing Subcaption'],
	['image_url', 'Image URL'],
	['image_title', 'Image Title'],
	['image_subtitle', 'Image Subtitle'],
] as const;

const MAX_HTTPS_URL = 2_048;
const MAX_DATA_URL = 16_384;

/** The fields of a card's layout, named like Linq's `layout` keys in camel case. */
export const appCardLayoutFields: INodeProperties[] = [
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		description: 'Primary label, top left and bold',
	},
	{
		displayName: 'Subcaption',
		name: 'subcaption',
		type: 'string',
		default: '',
		description: 'Secondary label, below the caption',
	},
	{
		displayName: 'Trailing Caption',
		name: 'trailingCaption',
		type: 'string',
		default: '',
		description: 'Label at the top right',
	},
	{
		displayName: 'Trailing Subcaption',
		name: 'trailingSubcaption',
		type: 'string',
		default: '',
		description: 'Label below the trailing caption',
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/card.png',
		description:
			'An https:// JPEG, PNG, HEIF or WebP image shown at the top of the card. Needs a chat where the recipient has written to you.',
	},
	{
		displayName: 'Image Title',
		name: 'imageTitle',
		type: 'string',
		default: '',
		description: 'Bold text over the image. Needs Image URL.',
	},
	{
		displayName: 'Image Subtitle',
		name: 'imageSubtitle',
		type: 'string',
		default: '',
		description: 'Text below the image title, over the image. Needs Image URL.',
	},
];

/** The tap URL, fallback text and interactivity, which a send and an update share. */
export const appCardBehaviourFields: INodeProperties[] = [
	{
		displayName: 'Card URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'https://app.example.com/card?game=7f3a',
		description:
			'What your app opens when the card is tapped: an https:// URL (up to 2,048 characters) or a data: URL with app state (up to 16,384)',
	},
	{
		displayName: 'Fallback Text',
		name: 'fallbackText',
		type: 'string',
		default: '',
		description:
			'Shown where the card cannot be drawn (notifications, lock screen). Linq uses the caption when empty.',
	},
	{
		displayName: 'Interactive',
		name: 'interactive',
		type: 'boolean',
		default: true,
		description:
			'Whether recipients who have your iMessage app see its live view; off always shows the static card. Not kept from the card an update replaces.',
	},
];

/** The iMessage App Card of a send: must be the only part of its message. */
export const appCardField: INodeProperties = {
	displayName: 'iMessage App Card',
	name: 'appCard',
	type: 'fixedCollection',
	placeholder: 'Add App Card',
	default: {},
	description:
		'A card drawn by your Messages app extension, sent alone (leave Text, Media and Link empty). iMessage only: never sent over RCS or SMS.',
	options: [
		{
			displayName: 'Card',
			name: 'card',
			values: [
				{
					displayName: 'Bundle ID',
					name: 'bundleId',
					type: 'string',
					default: '',
					placeholder: 'com.example.game.messages',
					description: 'Bundle identifier of the Messages app extension',
				},
				{
					displayName: 'App Name',
					name: 'appName',
					type: 'string',
					default: '',
					description: "Your app's name, shown by Messages' fallback view",
				},
				{
					displayName: 'Team ID',
					name: 'teamId',
					type: 'string',
					default: '',
					placeholder: 'ABCDE12345',
					description: 'Your Apple developer team ID: 10 capital letters and digits',
				},
				{
					displayName: 'App Store ID',
					name: 'appStoreId',
					type: 'string',
					default: '',
					description:
						"Optional App Store ID of the app: recipients without it get a 'Get the app' button",
				},
				...appCardLayoutFields,
				...appCardBehaviourFields,
			],
		},
	],
};

function fail(node: INode, itemIndex: number, message: string): never {
	throw new NodeOperationError(node, message, {
		itemIndex,
		description: `Nothing was sent. Fix the iMessage app card fields of item ${itemIndex}.`,
	});
}

function readString(
	node: INode,
	values: IDataObject,
	key: string,
	field: string,
	itemIndex: number,
) {
	return textValue(node, values[key], field, itemIndex).trim();
}

/** Linq's `layout` object, checked as Linq checks it. */
export function readAppCardLayout(
	node: INode,
	values: IDataObject,
	itemIndex: number,
): IDataObject {
	const layout: IDataObject = {};
	for (const [key, field] of LAYOUT_KEYS) {
		const name = key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
		const value = readString(node, values, name, field, itemIndex);
		if (value) layout[key] = value;
	}
	if (!LAYOUT_KEYS.slice(0, 5).some(([key]) => layout[key] !== undefined)) {
		fail(
			node,
			itemIndex,
			'The app card shows nothing: give a Caption, Subcaption, Trailing Caption, Trailing Subcaption or Image URL',
		);
	}
	if ((layout.image_title || layout.image_subtitle) && !layout.image_url) {
		fail(node, itemIndex, 'Image Title and Image Subtitle need an Image URL');
	}
	if (layout.image_url && !isHttpsUrl(layout.image_url as string)) {
		fail(
			node,
			itemIndex,
			`Image URL "${String(layout.image_url).slice(0, 100)}" must be an https:// address`,
		);
	}
	return layout;
}

/** `url`, `fallback_text` and `interactive` (sent only when off, Linq's default being on). */
export function readAppCardBehaviour(
	node: INode,
	values: IDataObject,
	itemIndex: number,
): IDataObject {
	const out: IDataObject = {};
	const url = readString(node, values, 'url', 'Card URL', itemIndex);
	if (url) {
		const isData = url.startsWith('data:');
		if (!isData && !isHttpsUrl(url)) {
			fail(node, itemIndex, `Card URL "${url.slice(0, 100)}" must start with https:// or data:`);
		}
		const max = isData ? MAX_DATA_URL : MAX_HTTPS_URL;
		if (url.length > max) {
			fail(node, itemIndex, `Card URL is ${url.length} characters long; Linq accepts up to ${max}`);
		}
		out.url = url;
	}
	const fallback = readString(node, values, 'fallbackText', 'Fallback Text', itemIndex);
	if (fallback) out.fallback_text = fallback;
	if (values.interactive === false) out.interactive = false;
	return out;
}

/** The `imessage_app` part of a send. */
export function readAppCardPart(node: INode, values: IDataObject, itemIndex: number): IDataObject {
	const bundleId = readString(node, values, 'bundleId', 'Bundle ID', itemIndex);
	if (!bundleId || bundleId.includes(':')) {
		fail(node, itemIndex, 'Bundle ID is empty or holds ":"');
	}
	const name = readString(node, values, 'appName', 'App Name', itemIndex);
	if (!name) fail(node, itemIndex, 'App Name is empty');
	const teamId = readString(node, values, 'teamId', 'Team ID', itemIndex);
	if (!/^[A-Z0-9]{10}$/.test(teamId)) {
		fail(node, itemIndex, `Team ID "${teamId.slice(0, 20)}" is not 10 capital letters and digits`);
	}
	const app: IDataObject = { bundle_id: bundleId, name, team_id: teamId };
	const storeId = readString(node, values, 'appStoreId', 'App Store ID', itemIndex);
	if (storeId) {
		if (!/^[1-9][0-9]{0,14}$/.test(storeId)) {
			fail(node, itemIndex, `App Store ID "${storeId.slice(0, 20)}" is not a number`);
		}
		app.app_store_id = Number(storeId);
	}
	return {
		type: 'imessage_app',
		app,
		layout: readAppCardLayout(node, values, itemIndex),
		...readAppCardBehaviour(node, values, itemIndex),
	};
}
