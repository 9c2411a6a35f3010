'use strict';
/**
 * Values the request tests share: the chat they send to, the Chat field that picks it from the
 * list, and the idempotency key the node derives for an item of one runNode() call (from the
 * harness's execution and node ids).
 */
const { deriveIdempotencyKey } = require('../../nodes/shared/idempotency');

const CHAT = '550e8400-e29b-41d4-a716-446655440000';
const chatLocator = { __rl: true, mode: 'list', value: CHAT };

const keyOfItem = (itemIndex = 0) =>
	deriveIdempotencyKey({ executionId: 'exec-1001', nodeId: 'node-0001', runIndex: 0, itemIndex });

module.exports = { CHAT, chatLocator, keyOfItem };
