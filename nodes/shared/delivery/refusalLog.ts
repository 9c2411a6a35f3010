/*
 * Anyone who knows a trigger's URL can send it deliveries that are refused, so a warning per
 * refusal would let them flood n8n's log. Each trigger registration logs the first refusal of a
 * minute and counts the rest; the next logged line says how many were left out. Timestamps, not
 * timers: a count is reported with the next refusal after its minute, never on its own.
 * At most MAX_TRACKED registrations are remembered (least recently refused dropped first).
 * A registration is the dedupe scope: the same node, run mode and subscriptions.
 */
import { type DedupeScope, scopeKey } from './dedupe';

export const REFUSAL_LOG_INTERVAL_MS = 60_000;
const MAX_TRACKED = 1_000;

interface Budget {
	/** When the last logged refusal happened. */
	loggedAtMs: number;
	/** Refusals since then that were not logged. */
	unlogged: number;
}

const budgets = new Map<string, Budget>();

/**
 * Called on every refusal for `registration`. Returns the number of earlier refusals that were
 * not logged when this one is to be logged, or undefined when it is only counted.
 */
export function refusalToLog(registration: DedupeScope, nowMs: number): number | undefined {
	const key = scopeKey(registration);
	const budget = budgets.get(key);
	budgets.delete(key);
	if (
		budget !== undefined &&
		nowMs >= budget.loggedAtMs &&
		nowMs - budget.loggedAtMs < REFUSAL_LOG_INTERVAL_MS
	) {
		budget.unlogged++;
		budgets.set(key, budget);
		return undefined;
	}
	budgets.set(key, { loggedAtMs: nowMs, unlogged: 0 });
	for (const oldest of budgets.keys()) {
		if (budgets.size <= MAX_TRACKED) break;
		budgets.delete(oldest);
	}
	return budget?.unlogged ?? 0;
}
