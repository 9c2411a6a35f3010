'use strict';
/**
 * What `npm run dev` shows of n8n's output by default: warnings and errors that matter to
 * someone trying the nodes. Start-up chatter (hundreds of migration lines, task runner
 * registration, Node deprecation notices about n8n's own dependencies) stays in n8n.log.
 */
const NOISE = [
	/DeprecationWarning|ExperimentalWarning|\(Use `node --trace-/,
	/^\s*at /, // stack lines of a deprecation notice
	/Migration|migrations?\b/i,
	/[Tt]ask [Rr]unner|runner/,
];
const SERIOUS = /\b(error|warn(ing)?|fail(ed|ure)?|unable|cannot|refused|not loaded)\b/i;

function isWorthShowing(line) {
	if (!line.trim()) return false;
	if (NOISE.some((pattern) => pattern.test(line))) return false;
	return SERIOUS.test(line) || /\blinq\b/i.test(line);
}

module.exports = { isWorthShowing };
