'use strict';
const crypto = require('node:crypto');
const nock = require('nock');
const { sdk, captureRequest, expectSameRequest, runNode } = require('../support/oracle');
const { CHAT, keyOfItem } = require('../support/requestFixtures');
const { expectRefusedLocally } = require('../support/localError');
const { BASE_URL, binaryProperty } = require('../support/harness');

const ATTACHMENT = 'abc12345-1234-5678-9abc-def012345678';
const UPLOADS = 'https://uploads.linq.test';
const sha256 = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

const REQUIRED_HEADERS = {
	'Content-Type': 'image/jpeg',
	'x-amz-server-side-encryption': 'AES256',
	'x-amz-meta-partner': 'p-77',
};

/** Linq's side of an upload: the slot, then the presigned PUT, recorded. */
function mockUpload(attachmentId, size) {
	const record = { slotBodies: [], puts: [] };
	nock(BASE_URL)
		.post('/v3/attachments')
		.reply(200, (_, body) => {
			record.slotBodies.push(body);
			return {
				attachment_id: attachmentId,
				upload_url: `${UPLOADS}/bucket/${attachmentId}?X-Amz-Signature=f00d`,
				download_url: `https://cdn.linqapp.com/attachments/${attachmentId}/photo.jpg`,
				expires_at: '2026-11-23T18:00:00Z',
				http_method: 'PUT',
				required_headers: REQUIRED_HEADERS,
			};
		});
	nock(UPLOADS)
		.put(`/bucket/${attachmentId}`)
		.query({ 'X-Amz-Signature': 'f00d' })
		.reply(function (_, body) {
			// nock hands binary bodies over hex-encoded.
			record.puts.push({ headers: this.req.headers, body: Buffer.from(body, 'hex') });
			return [200, ''];
		});
	return record;
}

function expectExactUpload(put, bytes) {
	expect(sha256(put.body)).toBe(sha256(bytes));
	expect(put.body.length).toBe(bytes.length);
	for (const [name, value] of Object.entries(REQUIRED_HEADERS)) {
		expect(put.headers[name.toLowerCase()]).toBe(value);
	}
	expect(put.headers.authorization).toBeUndefined();
	expect(JSON.stringify(put.headers)).not.toContain('tok_test');
	// Nothing of ours beyond the signed headers; the rest is what any HTTP client adds.
	const added = Object.keys(put.headers).filter(
		(name) => !Object.keys(REQUIRED_HEADERS).some((required) => required.toLowerCase() === name),
	);
	expect(added.filter((name) => !CLIENT_HEADERS.includes(name))).toEqual([]);
}

const CLIENT_HEADERS = [
	'accept',
	'accept-encoding',
	'connection',
	'content-length',
	'host',
	'user-agent',
];

describe('Upload', () => {
	test('announces the file as the SDK does, PUTs the exact bytes with exactly the required headers and no token', async () => {
		const bytes = crypto.randomBytes(64 * 1024);
		const theirs = await captureRequest(() =>
			sdk().attachments.create({
				filename: 'photo.jpg',
				content_type: 'image/jpeg',
				size_bytes: bytes.length,
			}),
		);
		const record = mockUpload(ATTACHMENT, bytes.length);
		const out = await runNode(
			{ resource: 'attachment', operation: 'upload', binaryPropertyName: 'data', options: {} },
			{ items: [{ json: {}, binary: { data: binaryProperty(bytes, 'photo.jpg', 'image/jpeg') } }] },
		);
		expect(record.slotBodies).toEqual([theirs.body]);
		expect(record.puts).toHaveLength(1);
		expectExactUpload(record.puts[0], bytes);
		expect(out).toEqual([
			{
				json: {
					attachment_id: ATTACHMENT,
					download_url: `https://cdn.linqapp.com/attachments/${ATTACHMENT}/photo.jpg`,
					filename: 'photo.jpg',
					content_type: 'image/jpeg',
					size_bytes: bytes.length,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('File Name and Content Type options override the binary metadata', async () => {
		const bytes = crypto.randomBytes(100);
		const record = mockUpload(ATTACHMENT, bytes.length);
		await runNode(
			{
				resource: 'attachment',
				operation: 'upload',
				binaryPropertyName: 'file',
				options: { fileName: 'invoice.pdf', contentType: 'application/pdf' },
			},
			{
				items: [
					{ json: {}, binary: { file: binaryProperty(bytes, 'blob', 'application/octet-stream') } },
				],
			},
		);
		expect(record.slotBodies).toEqual([
			{ filename: 'invoice.pdf', content_type: 'application/pdf', size_bytes: 100 },
		]);
	});

	test('a failed PUT is an error that names the status, not a silent success', async () => {
		nock(BASE_URL)
			.post('/v3/attachments')
			.reply(200, {
				attachment_id: ATTACHMENT,
				upload_url: `${UPLOADS}/bucket/x`,
				required_headers: {},
			});
		nock(UPLOADS).put('/bucket/x').reply(403, '<Error>SignatureDoesNotMatch</Error>');
		await expect(
			runNode(
				{ resource: 'attachment', operation: 'upload', binaryPropertyName: 'data', options: {} },
				{
					items: [
						{
							json: {},
							binary: { data: binaryProperty(Buffer.from([1, 2, 3]), 'a.jpg', 'image/jpeg') },
						},
					],
				},
			),
		).rejects.toThrow(/Uploading the file failed with status 403/);
	});

	test('refuses a missing or empty binary property before any request', async () => {
		await expectRefusedLocally(
			{ resource: 'attachment', operation: 'upload', binaryPropertyName: 'data', options: {} },
			'data',
		);
		await expectRefusedLocally(
			{ resource: 'attachment', operation: 'upload', binaryPropertyName: 'data', options: {} },
			'data',
			{
				items: [
					{ json: {}, binary: { data: binaryProperty(Buffer.alloc(0), 'a.jpg', 'image/jpeg') } },
				],
			},
		);
	});
});

describe('sends with binary media', () => {
	test('Send in Chat uploads the file and references the attachment id, as the SDK would send it', async () => {
		const bytes = crypto.randomBytes(2048);
		const key = keyOfItem();
		const theirs = await captureRequest(() =>
			sdk().chats.messages.send(CHAT, {
				message: {
					parts: [
						{ type: 'text', value: 'Your photo' },
						{ type: 'media', attachment_id: ATTACHMENT },
						{ type: 'media', url: 'https://cdn.example.com/logo.png' },
					],
					idempotency_key: key,
				},
			}),
		);
		const record = mockUpload(ATTACHMENT, bytes.length);
		const sends = [];
		nock(BASE_URL)
			.post(`/v3/chats/${CHAT}/messages`)
			.reply(200, (_, body) => {
				sends.push(body);
				return { chat_id: CHAT, message: { id: 'm1' } };
			});
		const out = await runNode(
			{
				resource: 'message',
				operation: 'sendInChat',
				chatId: { __rl: true, mode: 'id', value: CHAT },
				text: 'Your photo',
				media: {
					mediaValues: [
						{ source: 'binary', binaryPropertyName: 'data' },
						{ source: 'url', url: 'https://cdn.example.com/logo.png' },
					],
				},
				options: {},
			},
			{ items: [{ json: {}, binary: { data: binaryProperty(bytes, 'photo.jpg', 'image/jpeg') } }] },
		);
		expectExactUpload(record.puts[0], bytes);
		expect(sends).toEqual([theirs.body]);
		expect(out).toEqual([
			{
				json: { chat_id: CHAT, message: { id: 'm1' }, sms: expect.any(Object) },
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('Get and Delete', () => {
	test('Get sends what the SDK sends and outputs the metadata', async () => {
		const theirs = await captureRequest(() => sdk().attachments.retrieve(ATTACHMENT));
		const ours = await captureRequest(() =>
			runNode({
				resource: 'attachment',
				operation: 'get',
				attachmentId: ATTACHMENT,
				download: false,
			}),
		);
		expectSameRequest(ours, theirs);
	});

	test('Get can download the file into a binary property, without our token', async () => {
		const bytes = crypto.randomBytes(512);
		nock(BASE_URL)
			.get(`/v3/attachments/${ATTACHMENT}`)
			.reply(200, {
				id: ATTACHMENT,
				filename: 'scan.pdf',
				content_type: 'application/pdf',
				size_bytes: 512,
				download_url: `https://cdn.linqapp.com/attachments/${ATTACHMENT}/scan.pdf`,
			});
		let downloadHeaders;
		nock('https://cdn.linqapp.com')
			.get(`/attachments/${ATTACHMENT}/scan.pdf`)
			.reply(function () {
				downloadHeaders = this.req.headers;
				return [200, bytes, { 'Content-Type': 'application/pdf' }];
			});
		const [item] = await runNode({
			resource: 'attachment',
			operation: 'get',
			attachmentId: ATTACHMENT,
			download: true,
			binaryPropertyName: 'document',
		});
		expect(item.json.id).toBe(ATTACHMENT);
		expect(item.binary.document.fileName).toBe('scan.pdf');
		expect(item.binary.document.mimeType).toBe('application/pdf');
		expect(sha256(Buffer.from(item.binary.document.data, 'base64'))).toBe(sha256(bytes));
		expect(downloadHeaders.authorization).toBeUndefined();
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('Delete sends what the SDK sends and outputs success with the id', async () => {
		const theirs = await captureRequest(() => sdk().attachments.delete(ATTACHMENT), {
			reply: { status: 204 },
		});
		let out;
		const ours = await captureRequest(
			async () => {
				out = await runNode({
					resource: 'attachment',
					operation: 'delete',
					attachmentId: ATTACHMENT,
				});
			},
			{ reply: { status: 204 } },
		);
		expectSameRequest(ours, theirs);
		expect(out).toEqual([
			{ json: { success: true, attachment_id: ATTACHMENT }, pairedItem: { item: 0 } },
		]);
	});
});
