'use strict';
/**
 * File transfers from Linq's storage (issue 9, item 3): the size cap holds while the bytes
 * stream in, the whole transfer has a deadline, the number of media parts is capped, and a
 * redirect never leads to a non-https address. Bytes are counted at the source, so "stopped
 * early" is a number of bytes, never a time.
 */
const { Readable } = require('node:stream');
const nock = require('nock');
const { NodeApiError } = require('n8n-workflow');
const { BASE_URL, createExecuteContext } = require('../support/harness');
const { createTriggerContext } = require('../support/webhookContext');
const { downloadMedia } = require('../../nodes/shared/delivery/downloadMedia');
const { Linq } = require('../../nodes/Linq/Linq.node');

const CDN = 'https://cdn.linq.test';
const MB = 1_048_576;
const ATTACHMENT = 'abc12345-1234-5678-9abc-def012345678';

afterEach(() => jest.restoreAllMocks());

/** The trigger's webhook context (n8n-core's), whose helpers the downloads use. */
function webhookContext() {
	return createTriggerContext();
}

function media(url = `${CDN}/a/photo.jpg`, size = null) {
	return { url, filename: 'photo.jpg', mime_type: 'image/jpeg', size_bytes: size };
}

/**
 * A response body of `total` bytes made on demand, one chunk per turn of the event loop, so
 * `produced` is what the server had to send when the reader stopped. `onChunk` runs before
 * each chunk goes out.
 */
function source(total, chunkSize, onChunk = () => {}) {
	const state = { produced: 0 };
	state.stream = new Readable({
		read() {
			setImmediate(() => {
				if (state.produced >= total) return this.push(null);
				const size = Math.min(chunkSize, total - state.produced);
				onChunk(state);
				state.produced += size;
				this.push(Buffer.alloc(size, 0x61));
			});
		},
	});
	return state;
}

/** Date.now() under the test's control: the drip server moves it on as it sends. */
function fakeClock() {
	let now = Date.UTC(2026, 11, 1, 9, 0, 0);
	jest.spyOn(Date, 'now').mockImplementation(() => now);
	return { advance: (ms) => (now += ms) };
}

describe('Download Media (trigger)', () => {
	test('a 150 MB file against a 1 MB cap stops after about 1 MB has been read', async () => {
		const body = source(150 * MB, 64 * 1024);
		nock(CDN)
			.get('/a/photo.jpg')
			.reply(200, () => body.stream);
		const result = await downloadMedia.call(webhookContext(), [media()], {
			maxBytes: MB,
			prefix: 'attachment_',
		});
		expect(result.binary).toEqual({});
		expect(result.errors[0].error).toMatch(/more than the maximum of 1 MB/);
		expect(body.produced).toBeLessThan(4 * MB);
		body.stream.destroy();
	});

	test('a Content-Length over the cap is refused before the body is read', async () => {
		const body = source(150 * MB, 64 * 1024);
		nock(CDN)
			.get('/a/photo.jpg')
			.reply(200, () => body.stream, { 'Content-Length': String(150 * MB) });
		const result = await downloadMedia.call(webhookContext(), [media()], {
			maxBytes: MB,
			prefix: 'attachment_',
		});
		expect(result.errors[0].error).toMatch(/150 MB, more than the maximum of 1 MB/);
		expect(body.produced).toBeLessThan(2 * MB);
		body.stream.destroy();
	});

	test('a server that drips a byte every 300 ms hits the deadline of the whole transfer', async () => {
		const clock = fakeClock();
		// 20,000 bytes at 300 ms each would take 100 minutes; no idle timeout ever fires.
		const body = source(20_000, 1, () => clock.advance(300));
		nock(CDN)
			.get('/a/photo.jpg')
			.reply(200, () => body.stream);
		const result = await downloadMedia.call(webhookContext(), [media()], {
			maxBytes: MB,
			prefix: 'attachment_',
		});
		expect(result.binary).toEqual({});
		expect(result.errors[0].error).toMatch(/did not finish within 60 s/);
		// 60 s of 300 ms drips is 200 bytes; a few more may be in flight when it stops.
		expect(body.produced).toBeLessThan(220);
		body.stream.destroy();
	});

	test('a redirect to http:// is not followed', async () => {
		const internal = nock('http://internal.test').get('/admin').reply(200, 'internal page');
		nock(CDN).get('/a/photo.jpg').reply(302, '', { Location: 'http://internal.test/admin' });
		const result = await downloadMedia.call(webhookContext(), [media()], {
			maxBytes: MB,
			prefix: 'attachment_',
		});
		expect(result.binary).toEqual({});
		expect(result.errors[0].error).toMatch(/redirect.*not https/i);
		expect(internal.isDone()).toBe(false);
	});

	test('a redirect to another https address is followed', async () => {
		nock(CDN).get('/a/photo.jpg').reply(302, '', { Location: 'https://files.linq.test/b.jpg' });
		nock('https://files.linq.test').get('/b.jpg').reply(200, Buffer.from('JPEG'));
		const result = await downloadMedia.call(webhookContext(), [media()], {
			maxBytes: MB,
			prefix: 'attachment_',
		});
		expect(result.errors).toEqual([]);
		expect(Buffer.from(result.binary.attachment_0.data, 'base64').toString()).toBe('JPEG');
	});

	test('2,000 media parts make 10 downloads, and the item says the rest were skipped', async () => {
		const scope = nock(CDN).get('/a/photo.jpg').times(2000).reply(200, Buffer.from('x'));
		const parts = Array.from({ length: 2000 }, () => media());
		const context = webhookContext();
		const result = await downloadMedia.call(context, parts, {
			maxBytes: MB,
			prefix: 'attachment_',
		});
		expect(context.requests).toHaveLength(10);
		expect(Object.keys(result.binary)).toHaveLength(10);
		expect(result.errors).toEqual([
			expect.objectContaining({
				index: 10,
				binary_property: 'attachment_10',
				error: expect.stringMatching(/1,990 media parts.*not downloaded.*at most 10/),
			}),
		]);
		expect(scope.pendingMocks()).not.toEqual([]);
	});
});

describe('Attachment → Get → Download File', () => {
	function getAttachment(downloadUrl) {
		nock(BASE_URL).get(`/v3/attachments/${ATTACHMENT}`).reply(200, {
			id: ATTACHMENT,
			filename: 'photo.jpg',
			content_type: 'image/jpeg',
			size_bytes: 4,
			download_url: downloadUrl,
		});
		const ctx = createExecuteContext({
			params: {
				resource: 'attachment',
				operation: 'get',
				attachmentId: ATTACHMENT,
				download: true,
			},
		});
		return new Linq().execute.call(ctx);
	}

	test('a redirect to http:// is refused and nothing is fetched from it', async () => {
		const internal = nock('http://internal.test').get('/admin').reply(200, 'internal page');
		nock(CDN).get('/f/photo.jpg').reply(302, '', { Location: 'http://internal.test/admin' });
		const error = await getAttachment(`${CDN}/f/photo.jpg`).catch((thrown) => thrown);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/redirect.*not https/i);
		expect(internal.isDone()).toBe(false);
	});

	test('a file announced larger than 100 MB is refused before its body is read', async () => {
		const body = source(150 * MB, 64 * 1024);
		nock(CDN)
			.get('/f/photo.jpg')
			.reply(200, () => body.stream, { 'Content-Length': String(150 * MB) });
		const error = await getAttachment(`${CDN}/f/photo.jpg`).catch((thrown) => thrown);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/more than 100 MB/);
		expect(body.produced).toBeLessThan(2 * MB);
		body.stream.destroy();
	});

	test('an unreachable storage host keeps only the code and message, never the presigned URL', async () => {
		nock(CDN)
			.get('/f/photo.jpg')
			.query(true)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const error = await getAttachment(`${CDN}/f/photo.jpg?X-Amz-Signature=s3cr3t`).catch(
			(thrown) => thrown,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/Could not reach Linq's file storage/);
		// NodeApiError keeps what it is given as errorResponse, and an Error also as cause.
		expect(Object.keys(error.errorResponse).sort()).toEqual(['code', 'message']);
		expect(error.errorResponse.code).toBe('ECONNRESET');
		expect(error.cause).toBeUndefined();
		for (const part of [error.errorResponse, error.messages, error.context, error.description]) {
			expect(JSON.stringify(part ?? null)).not.toContain('s3cr3t');
		}
	});
});
