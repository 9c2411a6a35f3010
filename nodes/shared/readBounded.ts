export type BoundedRead =
	| { kind: 'complete'; bytes: Buffer }
	| { kind: 'too_large'; bytesRead: number }
	| { kind: 'timed_out' };

export interface ReadLimits {
	maxBytes: number;
	/** Epoch milliseconds (Date.now()) after which reading stops. */
	deadline: number;
}

/**
 * Collects a response body chunk by chunk and stops as soon as it passes `maxBytes` or the
 * deadline: a huge file is never held in memory, and a server that sends a byte now and then
 * (which resets any idle timeout) cannot keep the transfer open. Leaving the loop early
 * destroys the stream, which closes the connection.
 */
export async function readBounded(
	body: AsyncIterable<unknown>,
	limits: ReadLimits,
): Promise<BoundedRead> {
	const chunks: Buffer[] = [];
	let bytesRead = 0;
	for await (const chunk of body) {
		const bytes = Buffer.isBuffer(chunk)
			? chunk
			: chunk instanceof Uint8Array
				? Buffer.from(chunk)
				: Buffer.from(String(chunk));
		bytesRead += bytes.length;
		if (bytesRead > limits.maxBytes) return { kind: 'too_large', bytesRead };
		if (Date.now() > limits.deadline) return { kind: 'timed_out' };
		chunks.push(bytes);
	}
	return { kind: 'complete', bytes: Buffer.concat(chunks, bytesRead) };
}
