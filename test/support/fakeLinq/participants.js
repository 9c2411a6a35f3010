'use strict';
/** Participants: adding and removing a handle in a chat. */
const { traceId, invalid, handleObject } = require('./common');
const { chatById } = require('./chats');

function participantRoutes(router) {
	router.post(/^\/v3\/chats\/([^/]+)\/participants$/, ([id], { body, state }) => {
		const chat = chatById(state, id);
		if (!body?.handle) throw invalid('handle is required');
		chat.handles.push(handleObject(body.handle));
		return {
			status: 202,
			body: { message: 'Participant added', status: 'accepted', trace_id: traceId() },
		};
	});
	router.delete(/^\/v3\/chats\/([^/]+)\/participants$/, ([id], { body, state }) => {
		const chat = chatById(state, id);
		if (!body?.handle) throw invalid('handle is required');
		chat.handles = chat.handles.filter((handle) => handle.handle !== body.handle);
		return {
			status: 202,
			body: { message: 'Participant removed', status: 'accepted', trace_id: traceId() },
		};
	});
}

module.exports = { participantRoutes };
