import { httpsUrl } from './httpsUrl';

/** Longer than any real address; bounds the work spent on the value. */
const MAX_LENGTH = 2_048;
/** Local fakes and proxies on this machine may use plain http; nothing else may. */
const THIS_MACHINE = new Set(['localhost', '127.0.0.1', '[::1]']);

export type BaseUrlCheck = { ok: true; baseUrl: string } | { ok: false; reason: string };

/** Trailing slashes cut in one pass (the regex /\/+$/ is quadratic on a run of slashes). */
function withoutTrailingSlashes(value: string): string {
	let end = value.length;
	while (end > 0 && value.charCodeAt(end - 1) === 47) end--;
	return value.slice(0, end);
}

/** The credential's Base URL, ready to have `/v3/...` appended, or why it cannot be used. */
export function checkBaseUrl(value: string): BaseUrlCheck {
	if (value.length > MAX_LENGTH) {
		return { ok: false, reason: `is longer than ${MAX_LENGTH} characters` };
	}
	const baseUrl = withoutTrailingSlashes(value);
	if (httpsUrl(baseUrl)) return { ok: true, baseUrl };
	let url: URL | undefined;
	try {
		url = new URL(baseUrl);
	} catch {
		return { ok: false, reason: 'is not a web address' };
	}
	if (url.protocol === 'http:' && THIS_MACHINE.has(url.hostname)) return { ok: true, baseUrl };
	return {
		ok: false,
		reason: 'must start with https:// (plain http:// only for localhost or 127.0.0.1)',
	};
}
