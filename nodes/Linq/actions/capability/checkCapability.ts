import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireHandle } from '../../../shared/handles';
import { textValue } from '../../../shared/textValue';
import { linqApiRequest } from '../../../shared/transport';
import { readFrom } from '../common/fromField';

export async function checkCapability(
	this: IExecuteFunctions,
	itemIndex: number,
	endpoint: 'check_imessage' | 'check_rcs',
): Promise<IDataObject> {
	const node = this.getNode();
	const body: IDataObject = {
		address: requireHandle(node, this.getNodeParameter('address', itemIndex), 'Address', itemIndex),
	};
	const from = textValue(
		node,
		this.getNodeParameter('options.from', itemIndex, ''),
		'From',
		itemIndex,
	);
	if (from.trim() !== '')
		body.from = await readFrom(this, from, [body.address as string], itemIndex);
	return await linqApiRequest.call(this, {
		method: 'POST',
		path: `/v3/capability/${endpoint}`,
		body,
		itemIndex,
		// A check changes nothing, so repeating it after a server error is safe.
		idempotent: true,
	});
}
