'use strict';
/** What every resource of the fake V2 API uses: V2's two error formats, ids, paging. */
const { FakeHttpError } = require('../fakeServer');

const V2_LINES = ['+15550200001', '+15550200002'];
const E164 = /^\+[1-9]\d{7,14}$/;

const now = () => new Date().toISOString();

/** V2 ids are integers counted per fake. */
const nextId = (state) => state.nextId++;

/** `{errors: [{status, code, title, detail}]}`: chats, messages, phone numbers. */
class RenderError extends FakeHttpError {
	constructor(status, code, title, detail) {
		super(status, detail, { errors: [{ status, code, title, detail }] });
	}
}

/** `{status, error_code, message, errors: [...]}`: contacts and webhook subscriptions. */
class StandardError extends FakeHttpError {
	constructor(status, errorCode, message, errors = []) {
		super(status, message, { status: String(status), error_code: errorCode, message, errors });
	}
}

const notFound = (what) => new RenderError(404, 'not_found', 'Not Found', `${what} not found`);
const badRequest = (detail) => new RenderError(400, 'bad_request', 'Bad Request', detail);
const unprocessable = (detail) => new RenderError(422, 'invalid', 'Unprocessable Entity', detail);

/** page/per_page paging with V2's `meta`. */
function page(list, query) {
	const perPage = Math.min(100, Math.max(1, Number(query.per_page) || 25));
	const number = Math.max(1, Number(query.page) || 1);
	const items = list.slice((number - 1) * perPage, number * perPage);
	return {
		items,
		meta: {
			page: number,
			per_page: perPage,
			total_count: list.length,
			total_pages: Math.max(1, Math.ceil(list.length / perPage)),
		},
	};
}

module.exports = {
	V2_LINES,
	E164,
	now,
	nextId,
	RenderError,
	StandardError,
	notFound,
	badRequest,
	unprocessable,
	page,
};
