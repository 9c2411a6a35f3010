'use strict';
/** What every resource of the fake V3 API uses: ids, Linq's error body, handles, paging. */
const crypto = require('node:crypto');
const { FakeHttpError } = require('../fakeServer');

const LINES = ['+15550100001', '+15550100002'];

const now = () => new Date().toISOString();
const traceId = () => crypto.randomBytes(16).toString('hex');
const uuid = () => crypto.randomUUID();

/** Answered as Linq answers errors: `{code, message, trace_id}` with this status. */
class LinqHttpError extends FakeHttpError {
	constructor(status, code, message) {
		super(status, message, { code, message, trace_id: traceId() });
	}
}

const notFound = (what) => new LinqHttpError(404, 2001, `${what} not found`);
const invalid = (message) => new LinqHttpError(400, 1001, message);

function handleObject(handle, { isMe = false } = {}) {
	return {
		id: uuid(),
		handle,
		joined_at: now(),
		service: 'iMessage',
		is_me: isMe,
		left_at: null,
		status: 'active',
	};
}

function healthStatus() {
	return {
		status: 'HEALTHY',
		updated_at: now(),
		doc_url: 'https://docs.linqapp.com/guides/phone-numbers/phone-reputation',
	};
}

function paginate(list, query) {
	const limit = Math.min(100, Math.max(1, Number(query.limit) || 20));
	const start = query.cursor ? Number(Buffer.from(query.cursor, 'base64url').toString()) : 0;
	if (!Number.isInteger(start) || start < 0) throw invalid('cursor is invalid');
	const page = list.slice(start, start + limit);
	const next =
		start + limit < list.length ? Buffer.from(String(start + limit)).toString('base64url') : '';
	return { page, next_cursor: next };
}

module.exports = {
	LINES,
	now,
	traceId,
	uuid,
	LinqHttpError,
	notFound,
	invalid,
	handleObject,
	healthStatus,
	paginate,
};
