import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { MediaDownloadOptions } from './downloadMedia';
import { handleSet, type FilterOptions } from './filterEvent';

export const DEFAULT_MAX_MEDIA_MB = 25;
export const DEFAULT_BINARY_PREFIX = 'attachment_';

export interface TriggerOptions {
	filter: FilterOptions;
	/** Undefined when Download Media is off. */
	media?: MediaDownloadOptions;
}

/** A trigger's parameters (Linq or Linq V2) as the pipeline uses them; V2 has no Lines. */
export function readTriggerOptions(this: IWebhookFunctions): TriggerOptions {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const filter: FilterOptions = {
		events: new Set(this.getNodeParameter('events', []) as string[]),
		lines: handleSet(this.getNodeParameter('lines', [])),
		allowedSenders: handleSet(options.allowedSenders),
		includeOwnOutbound: options.includeOwnOutbound === true,
		skipOptOuts: options.optOutMessages === 'skip',
	};
	if (options.downloadMedia !== true) return { filter };
	const maxMb =
		typeof options.maxMediaSizeMb === 'number' && options.maxMediaSizeMb > 0
			? options.maxMediaSizeMb
			: DEFAULT_MAX_MEDIA_MB;
	const prefix =
		typeof options.binaryPropertyPrefix === 'string' && options.binaryPropertyPrefix.trim() !== ''
			? options.binaryPropertyPrefix.trim()
			: DEFAULT_BINARY_PREFIX;
	return { filter, media: { maxBytes: Math.floor(maxMb * 1_048_576), prefix } };
}
