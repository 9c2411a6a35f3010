'use strict';
/** Contacts: list, create, find by email or phone number, get, update, delete. */
const { now, nextId, StandardError, page } = require('./common');

function contactById(state, contactId) {
	const contact = state.contacts.get(Number(contactId));
	if (!contact) throw new StandardError(404, 'not_found', 'Contact not found');
	return contact;
}

/** The body's `contact`, which needs at least one identifying field. */
function contactInput(body) {
	const contact = body?.contact;
	if (!contact || typeof contact !== 'object') {
		throw new StandardError(422, 'validation_error', 'Validation failed', ['contact is required']);
	}
	const identifying = ['first_name', 'last_name', 'email', 'phone_number'];
	if (!identifying.some((key) => contact[key])) {
		throw new StandardError(422, 'validation_error', 'Validation failed', [
			'At least one of first_name, last_name, email or phone_number is required',
		]);
	}
	return contact;
}

function storeContact(state, existing, contact, userEmail) {
	const merged = { ...existing, ...contact };
	merged.full_name = [merged.first_name, merged.last_name].filter(Boolean).join(' ');
	merged.updated_at = now();
	if (userEmail) merged.contact_owner = { id: 1, email: userEmail, name: userEmail };
	state.contacts.set(merged.id, merged);
	return merged;
}

function contactRoutes(router) {
	router.get(/^\/contacts$/, (_, { query, state }) => {
		const { items, meta } = page([...state.contacts.values()], query);
		return {
			body: {
				contacts: items,
				pagination: {
					current_page: meta.page,
					per_page: meta.per_page,
					total_pages: meta.total_pages,
					total_count: meta.total_count,
				},
			},
		};
	});
	router.post(/^\/contacts$/, (_, { body, state }) => {
		const stored = storeContact(
			state,
			{ id: nextId(state), image_url: null, created_at: now(), contact_owner: null },
			contactInput(body),
			body.user_email,
		);
		return { status: 201, body: { data: stored } };
	});
	router.get(/^\/contacts\/find$/, (_, { query, state }) => {
		if (!query.email && !query.phone_number)
			throw new StandardError(400, 'bad_request', 'email or phone_number is required');
		const found = [...state.contacts.values()].find(
			(contact) =>
				(query.email && contact.email === query.email) ||
				(query.phone_number && contact.phone_number === query.phone_number),
		);
		return { body: found ?? { contact: null } };
	});
	router.get(/^\/contacts\/(\d+)$/, ([contactId], { state }) => ({
		body: { data: contactById(state, contactId) },
	}));
	const update = ([contactId], { body, state }) => {
		const existing = contactById(state, contactId);
		return { body: { data: storeContact(state, existing, contactInput(body), body.user_email) } };
	};
	router.put(/^\/contacts\/(\d+)$/, update);
	router.patch(/^\/contacts\/(\d+)$/, update);
	router.delete(/^\/contacts\/(\d+)$/, ([contactId], { state }) => {
		state.contacts.delete(contactById(state, contactId).id);
		return { status: 204 };
	});
}

module.exports = { contactRoutes };
