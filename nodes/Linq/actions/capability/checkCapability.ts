import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { linqApiRequest } from '../../../shared/transport';

export async function checkCapability(
	this: IExecuteFunctions,
	itemIndex: number,
	endpoint: 'check_imessage' | 'check_rcs',
): Promise<IDataObject> {
	const node = this.getNode();
	const body: IDataObject = {
		address: requireHandle(node, this.getNodeParameter('address', itemIndex), 'Address', itemIndex),
	};
	const from = this.getNodeParameter('options.from', itemIndex, '') as string;
	if (String(from).trim() !== '') body.from = requireHandle(node, from, 'From', itemIndex);
	return await linqApiRequest.call(this, {
		method: 'POST',
		path: `/v3/capability/${endpoint}`,
		body,
		itemIndex,
		// A check changes nothing, so repeating it after a server error is safe.
		idempotent: true,
	});
}
