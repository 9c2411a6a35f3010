'use strict';
/**
 * What `npm run dev` shows of n8n's output by default: warnings and errors that matter to
 * someone trying the nodes. Start-up chatter (hundreds of migration lines, task runner
 * registration, Node deprecation notices about n8n's own dependencies) stays in n8n.log.
 */
const DEPRECATION = /DeprecationWarning|ExperimentalWarning|\(Use `node --trace-/;
const CHATTER = [
	/^\s*at /, // stack lines of a deprecation notice
	/Migration|migrations?\b/i,
	/[Tt]ask [Rr]unner|runner/,
];
const FAILURE = /\b(error|fail(ed|ure)?)\b/i;
const SERIOUS = /\b(error|warn(ing)?|fail(ed|ure)?|unable|cannot|refused|not loaded)\b/i;
/** Printed on every start because n8n ships no Python runner here; says nothing about us. */
const HARMLESS = /Python task runner/;

function isWorthShowing(line) {
	if (!line.trim() || HARMLESS.test(line) || DEPRECATION.test(line)) return false;
	// A failing migration or runner is news, not chatter.
	if (FAILURE.test(line)) return true;
	if (CHATTER.some((pattern) => pattern.test(line))) return false;
	return SERIOUS.test(line) || /\blinq\b/i.test(line);
}

module.exports = { isWorthShowing };
