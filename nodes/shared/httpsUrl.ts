/**
 * The one https check of the package: Base URL, media URLs, webhook target URLs and file
 * downloads (each redirect hop included) all go through it.
 */
export function httpsUrl(value: string): URL | undefined {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' ? url : undefined;
	} catch {
		return undefined;
	}
}

export function isHttpsUrl(value: string): boolean {
	return httpsUrl(value) !== undefined;
}
