import { sleep, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/** Linq refuses more than this many messages within the window for one sender–recipient pair. */
export const PAIR_LIMIT = { messages: 30, windowMs: 60_000 };

/**
 * Added to the pair window: the window is counted where Linq receives the requests, and network
 * delays can bring two of them closer together than they were sent.
 */
const PAIR_MARGIN_MS = 2_000;

/** Time, waiting and chance, in one place so the tests can drive them with a fake clock. */
export const pacingClock = {
	now: (): number => Date.now(),
	/** Stops waiting when the execution is cancelled, so a stopped run sends nothing more. */
	sleep: async (ms: number, signal?: AbortSignal): Promise<void> => await sleep(ms, signal),
	random: (): number => Math.random(),
};

export type PacingClock = typeof pacingClock;

/**
 * Hands out send times for one node run. Each send reserves its time synchronously before it
 * waits, so concurrent items never take the same slot: slots are about 60 s / rate apart, each
 * gap between 0.5 and 1.5 times that at random, and a pair's next send waits until its 30th
 * send before it is more than the window old.
 */
export class Pacer {
	private nextSlot = -Infinity;
	/** The send times of each pair, the last PAIR_LIMIT.messages of them, oldest first. */
	private readonly pairs = new Map<string, number[]>();

	constructor(private readonly clock: PacingClock = pacingClock) {}

	/** The time a send to `pair` may go, reserved for it. */
	reserve(pair: string, perMinute: number): number {
		const now = this.clock.now();
		const slot = Math.max(now, this.nextSlot);
		const sent = this.pairs.get(pair) ?? [];
		const oldest =
			sent.length >= PAIR_LIMIT.messages ? sent[sent.length - PAIR_LIMIT.messages] : undefined;
		const at =
			oldest === undefined ? slot : Math.max(slot, oldest + PAIR_LIMIT.windowMs + PAIR_MARGIN_MS);
		sent.push(at);
		if (sent.length > PAIR_LIMIT.messages) sent.shift();
		this.pairs.set(pair, sent);
		this.nextSlot = slot + (60_000 / perMinute) * (0.5 + this.clock.random());
		return at;
	}

	/** Waits until the reserved time of the next send to `pair`. */
	async wait(pair: string, perMinute: number, signal?: AbortSignal): Promise<void> {
		const at = this.reserve(pair, perMinute);
		const delay = at - this.clock.now();
		if (delay > 0) await this.clock.sleep(delay, signal);
	}
}

export const MAX_PACING_PER_MINUTE = 600;

export const pacingOption: INodeProperties = {
	displayName: 'Pacing (Messages Per Minute)',
	name: 'pacing',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PACING_PER_MINUTE },
	default: 20,
	description:
		"Spread this run's sends at about this many per minute, with random gaps like a person's, instead of a burst that carriers flag. Also keeps each sender–recipient pair under Linq's 30 messages per 60 seconds, whatever the Concurrency.",
};

const pacers = new WeakMap<IExecuteFunctions, Pacer>();

/**
 * With Options → Pacing, waits for this item's turn to send to `pair` (the recipients, or the
 * chat). One pacer per node run: the router calls every item with the same context.
 */
export async function paceSend(
	ctx: IExecuteFunctions,
	itemIndex: number,
	pair: string,
): Promise<void> {
	const perMinute = Number(ctx.getNodeParameter('options.pacing', itemIndex, 0));
	if (!Number.isFinite(perMinute) || perMinute <= 0) return;
	let pacer = pacers.get(ctx);
	if (!pacer) {
		pacer = new Pacer();
		pacers.set(ctx, pacer);
	}
	await pacer.wait(
		pair,
		Math.min(perMinute, MAX_PACING_PER_MINUTE),
		ctx.getExecutionCancelSignal?.(),
	);
}
