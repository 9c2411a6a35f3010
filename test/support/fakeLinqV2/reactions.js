'use strict';
/** Reactions: add or remove one on a message, and read one back. */
const { now, nextId, notFound, unprocessable } = require('./common');

const REACTIONS = ['love', 'like', 'dislike', 'laugh', 'emphasize', 'question'];

function reactionRoutes(router) {
	router.post(/^\/chat_messages\/(\d+)\/reactions$/, ([messageId], { body, state }) => {
		const message = state.messages.get(Number(messageId));
		if (!message) throw notFound('Message');
		if (!REACTIONS.includes(body?.type) || !['add', 'remove'].includes(body?.operation))
			throw unprocessable('type and operation are required');
		const reaction = {
			id: nextId(state),
			chat_message_id: message.id,
			reaction: body.type,
			is_from_me: true,
			from_phone: message.sent_from,
			sent_at: now(),
			created_at: now(),
			updated_at: now(),
		};
		if (body.operation === 'add') {
			state.reactions.set(reaction.id, reaction);
			message.reactions.push(reaction);
		} else {
			message.reactions = message.reactions.filter((entry) => entry.reaction !== body.type);
		}
		return { status: 201, body: { data: reaction } };
	});
	router.get(/^\/chat_message_reactions\/(\d+)$/, ([reactionId], { state }) => {
		const reaction = state.reactions.get(Number(reactionId));
		if (!reaction) throw notFound('Reaction');
		return { body: { data: reaction } };
	});
}

module.exports = { reactionRoutes };
