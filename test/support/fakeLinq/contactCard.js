'use strict';
/** The account's one contact card. */
const { now, notFound } = require('./common');

function contactCardRoutes(router) {
	router.get(/^\/v3\/contact_card$/, (_, { state }) => {
		if (!state.contactCard) throw notFound('Contact card');
		return { body: state.contactCard };
	});
	router.post(/^\/v3\/contact_card$/, (_, { body, state }) => {
		state.contactCard = { ...body, updated_at: now() };
		return { status: 201, body: state.contactCard };
	});
	router.patch(/^\/v3\/contact_card$/, (_, { body, state }) => {
		if (!state.contactCard) throw notFound('Contact card');
		state.contactCard = { ...state.contactCard, ...body, updated_at: now() };
		return { body: state.contactCard };
	});
}

module.exports = { contactCardRoutes };
