'use strict';
/**
 * What every end-to-end file starts with: our package built and packed, the fake Linq server,
 * a fresh n8n with the tarball installed, and a Linq credential pointing at the fake.
 * `dispose()` undoes all of it, also after a partial start.
 */
const fs = require('node:fs');
const path = require('node:path');

const { buildAndPack } = require('../../../scripts/lib/packageInstall.cjs');
const { startFakeLinq } = require('../../support/fakeLinq');
const { createLoopbackCert } = require('./loopbackCert');
const { createInstance } = require('./n8nInstance');

/**
 * `https: true` gives the fake https upload URLs that n8n trusts (attachments need them).
 * `createN8n` starts the n8n under test (default: one process, SQLite); whatever it returns
 * needs `rest()` and `dispose()`.
 */
async function startLinqE2e({ https = false, createN8n = createInstance } = {}) {
	const cleanups = [];
	const dispose = async () => {
		for (const cleanup of cleanups.reverse()) await cleanup();
	};
	try {
		const tarball = buildAndPack({ build: process.env.LINQ_E2E_SKIP_BUILD !== '1' });
		cleanups.push(() => fs.rmSync(path.dirname(tarball), { recursive: true, force: true }));
		const tls = https ? createLoopbackCert() : undefined;
		if (tls) cleanups.push(() => tls.dispose());
		const fake = await startFakeLinq({ tls });
		cleanups.push(() => fake.close());
		const n8n = await createN8n({
			tarball,
			env: tls ? { NODE_EXTRA_CA_CERTS: tls.caBundle } : {},
		});
		cleanups.push(() => n8n.dispose());

		/** A Linq credential with `apiToken` (the fake's own token unless given), Base URL → fake. */
		const createCredential = async (name = 'Linq (fake)', apiToken = fake.token) => {
			// The editor's own endpoint: the public API's credential schema differs between versions.
			const credential = await n8n.rest('POST', '/credentials', {
				name,
				type: 'linqAppApi',
				data: { apiToken, baseUrl: fake.baseUrl, webhookSigningSecret: '' },
			});
			return credential.id;
		};
		const credentialId = await createCredential();
		return { fake, n8n, credentialId, createCredential, dispose };
	} catch (error) {
		await dispose();
		throw error;
	}
}

module.exports = { startLinqE2e };
