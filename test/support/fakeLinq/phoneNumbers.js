'use strict';
/** Phone numbers: the account's lines and their forwarding number. */
const { LINES, healthStatus, notFound } = require('./common');

function phoneNumbersState() {
	return LINES.map((number, index) => ({
		id: `pn_${index + 1}`,
		phone_number: number,
		type: 'APPLE_ID',
		country_code: 'US',
		forwarding_number: null,
		health_status: healthStatus(),
	}));
}

function phoneNumberRoutes(router) {
	const list = (_, { state }) => ({ body: { phone_numbers: state.phoneNumbers } });
	router.get(/^\/v3\/phone_numbers$/, list);
	router.get(/^\/v3\/phonenumbers$/, list);
	router.put(/^\/v3\/phone_numbers\/([^/]+)$/, ([id], { body, state }) => {
		const line = state.phoneNumbers.find((candidate) => candidate.id === id);
		if (!line) throw notFound('Phone number');
		line.forwarding_number = body?.forwarding_number ?? null;
		return { body: line };
	});
}

module.exports = { phoneNumberRoutes, phoneNumbersState };
