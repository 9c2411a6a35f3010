'use strict';
/**
 * multipart/form-data as the V2 API takes it: the raw parts, and the nested object their
 * Rails-style names (`message[attachments][]`) describe. The fake V2 server reads bodies with
 * it, and v2Spec.js checks them against the reference with it.
 */

/** Fields as strings, files with their bytes; undefined when the content type has no boundary. */
function parseMultipart(raw, contentType) {
	const match = /boundary=([^;]+)/.exec(contentType || '');
	if (!match) return undefined;
	const delimiter = Buffer.from(`--${match[1]}`);
	const fields = [];
	let start = raw.indexOf(delimiter);
	while (start !== -1) {
		const next = raw.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const part = raw.subarray(start + delimiter.length + 2, next - 2);
		const split = part.indexOf('\r\n\r\n');
		const head = part.subarray(0, split).toString('utf8');
		const content = part.subarray(split + 4);
		const name = /name="([^"]*)"/.exec(head)?.[1];
		const fileName = /filename="([^"]*)"/.exec(head)?.[1];
		const type = /Content-Type: ([^\r\n]+)/i.exec(head)?.[1];
		fields.push(
			fileName === undefined
				? { name, value: content.toString('utf8') }
				: { name, fileName, contentType: type, bytes: content },
		);
		start = next;
	}
	return fields;
}

const valueOf = (field) => (field.fileName === undefined ? field.value : field);

/** Multipart fields as nested values, the way Rails reads `a[b][]` names. */
function formValues(fields) {
	const out = {};
	for (const field of fields) {
		const isList = field.name.endsWith('[]');
		const keys = (isList ? field.name.slice(0, -2) : field.name).replace(/\]/g, '').split('[');
		let target = out;
		for (const key of keys.slice(0, -1)) target = target[key] ??= {};
		const last = keys[keys.length - 1];
		if (isList) (target[last] ??= []).push(valueOf(field));
		else target[last] = valueOf(field);
	}
	return out;
}

/** Multipart fields keyed by their whole names (`message[attachments][]` stays one key). */
function flatFormValues(fields) {
	const flat = {};
	for (const field of fields) {
		if (field.name.endsWith('[]')) (flat[field.name] ??= []).push(valueOf(field));
		else flat[field.name] = valueOf(field);
	}
	return flat;
}

module.exports = { parseMultipart, formValues, flatFormValues };
