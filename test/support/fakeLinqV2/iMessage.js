'use strict';
/** The iMessage availability check (any number ending in 0 is not on iMessage). */
const { badRequest } = require('./common');

function iMessageRoutes(router) {
	router.post(/^\/i_message_availability\/check$/, (_, { body }) => {
		if (typeof body?.phone_number !== 'string') throw badRequest('phone_number is required');
		return {
			body: { available: !body.phone_number.endsWith('0'), phone_number: body.phone_number },
		};
	});
}

module.exports = { iMessageRoutes };
