'use strict';
/**
 * Attachments: the API's upload slots, and the storage behind them (presigned S3-style PUT
 * uploads and file downloads), which is served without the Bearer token, as S3 is.
 */
const crypto = require('node:crypto');
const { LinqHttpError, now, uuid, invalid, notFound } = require('./common');

function downloadUrl(storageUrl, attachment) {
	return `${storageUrl}/files/${attachment.id}/${encodeURIComponent(attachment.filename)}`;
}

function attachmentRoutes(router) {
	router.post(/^\/v3\/attachments$/, (_, { body, state, storageUrl }) => {
		if (!body?.filename || !body?.content_type || !Number.isInteger(body?.size_bytes)) {
			throw invalid('filename, content_type and size_bytes are required');
		}
		if (body.size_bytes > 100 * 1024 * 1024)
			throw new LinqHttpError(400, 5003, 'File is larger than 100 MB');
		const attachment = {
			id: uuid(),
			filename: body.filename,
			content_type: body.content_type,
			size_bytes: body.size_bytes,
			signature: crypto.randomBytes(12).toString('hex'),
			bytes: null,
			status: 'pending',
			created_at: now(),
		};
		state.attachments.set(attachment.id, attachment);
		return {
			status: 201,
			body: {
				attachment_id: attachment.id,
				upload_url: `${storageUrl}/uploads/${attachment.id}?X-Amz-Expires=900&X-Amz-Signature=${attachment.signature}`,
				required_headers: { 'Content-Type': body.content_type },
				http_method: 'PUT',
				expires_at: new Date(Date.now() + 15 * 60_000).toISOString(),
				download_url: downloadUrl(storageUrl, attachment),
			},
		};
	});
	router.get(/^\/v3\/attachments\/([^/]+)$/, ([id], { state, storageUrl }) => {
		const attachment = state.attachments.get(id);
		if (!attachment) throw notFound('Attachment');
		return {
			body: {
				id,
				filename: attachment.filename,
				content_type: attachment.content_type,
				size_bytes: attachment.size_bytes,
				status: attachment.bytes ? 'complete' : 'pending',
				created_at: attachment.created_at,
				download_url: downloadUrl(storageUrl, attachment),
			},
		};
	});
	router.delete(/^\/v3\/attachments\/([^/]+)$/, ([id], { state }) => {
		if (!state.attachments.delete(id)) throw notFound('Attachment');
		return { status: 204 };
	});
}

function sendXml(res, status, code) {
	res.writeHead(status, { 'content-type': 'application/xml' });
	res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);
}

/** Storage handlers answer on `res` themselves, with S3's XML errors. */
function storageRoutes(router) {
	// A presigned PUT is signed by the query string, so an Authorization header is refused.
	router.put(/^\/uploads\/([^/]+)$/, ([id], { req, res, query, raw, state }) => {
		const attachment = state.attachments.get(id);
		if (!attachment || query['X-Amz-Signature'] !== attachment.signature) {
			return sendXml(res, 403, 'SignatureDoesNotMatch');
		}
		if (req.headers.authorization) return sendXml(res, 400, 'InvalidArgument');
		if ((req.headers['content-type'] || '') !== attachment.content_type)
			return sendXml(res, 403, 'SignatureDoesNotMatch');
		if (raw.length !== attachment.size_bytes) return sendXml(res, 400, 'IncompleteBody');
		attachment.bytes = raw;
		attachment.status = 'complete';
		res.writeHead(200, { etag: `"${crypto.createHash('md5').update(raw).digest('hex')}"` });
		res.end();
	});
	router.get(/^\/files\/([^/]+)(\/.*)?$/, ([id], { res, state }) => {
		const attachment = state.attachments.get(id);
		if (!attachment?.bytes) return sendXml(res, 404, 'NoSuchKey');
		res.writeHead(200, {
			'content-type': attachment.content_type,
			'content-length': attachment.bytes.length,
		});
		res.end(attachment.bytes);
	});
}

module.exports = { attachmentRoutes, storageRoutes };
