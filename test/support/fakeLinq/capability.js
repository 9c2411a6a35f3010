'use strict';
/** Capability checks: whether an address can get iMessage or RCS (any address ending in 0 cannot). */
const { invalid } = require('./common');

function capabilityRoutes(router) {
	router.post(/^\/v3\/capability\/(check_imessage|check_rcs)$/, (_, { body }) => {
		if (!body?.address) throw invalid('address is required');
		return { body: { address: body.address, available: !body.address.endsWith('0') } };
	});
}

module.exports = { capabilityRoutes };
