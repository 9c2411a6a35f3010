'use strict';
/** Phone numbers: the account's lines and their forwarding number. */
const { V2_LINES, E164, RenderError, unprocessable } = require('./common');

function phoneNumbersState() {
	return V2_LINES.map((number, index) => ({
		id: index + 1,
		phone_number: number,
		forwarding_number: null,
		response_rate: 75,
	}));
}

function phoneNumberRoutes(router) {
	router.get(/^\/phone_numbers$/, (_, { state }) => ({
		body: { phone_numbers: state.phoneNumbers },
	}));
	router.put(/^\/phone_numbers\/(\d+)$/, ([phoneId], { body, state }) => {
		const line = state.phoneNumbers.find((entry) => entry.id === Number(phoneId));
		if (!line)
			throw new RenderError(
				403,
				'forbidden',
				'Forbidden',
				'Phone number does not belong to your organization',
			);
		const forwarding = body?.forwarding_number;
		if (forwarding !== '' && forwarding !== null && !E164.test(String(forwarding)))
			throw unprocessable('Invalid forwarding number');
		line.forwarding_number = forwarding === '' ? null : forwarding;
		return { body: line };
	});
}

module.exports = { phoneNumberRoutes, phoneNumbersState };
