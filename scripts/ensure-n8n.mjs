#!/usr/bin/env node
/** `npm run n8n:install`: installs the pinned n8n into the cache unless it is already there. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureN8n } = require('./lib/n8nInstall.cjs');

const runtime = await ensureN8n({ say: (line) => console.log(`[n8n] ${line}`) });
console.log(
	`[n8n] n8n ${runtime.n8nVersion} on Node ${runtime.nodeVersion} is ready in ${runtime.dir}`,
);
