'use strict';
/**
 * The V2 twin of linqE2e.js: our package built and packed, the fake V2 server, a fresh n8n
 * with the tarball installed, and a Linq V2 (Legacy) API credential pointing at the fake.
 */
const fs = require('node:fs');
const path = require('node:path');

const { buildAndPack } = require('../../../scripts/lib/packageInstall.cjs');
const { startFakeLinqV2 } = require('../../support/fakeLinqV2');
const { createInstance } = require('./n8nInstance');

async function startLinqV2E2e() {
	const cleanups = [];
	const dispose = async () => {
		for (const cleanup of cleanups.reverse()) await cleanup();
	};
	try {
		const tarball = buildAndPack({ build: process.env.LINQ_E2E_SKIP_BUILD !== '1' });
		cleanups.push(() => fs.rmSync(path.dirname(tarball), { recursive: true, force: true }));
		const fake = await startFakeLinqV2();
		cleanups.push(() => fake.close());
		const n8n = await createInstance({ tarball });
		cleanups.push(() => n8n.dispose());
		const credential = await n8n.rest('POST', '/credentials', {
			name: 'Linq V2 (fake)',
			type: 'linqAppV2Api',
			data: { integrationToken: fake.token, baseUrl: fake.baseUrl, webhookSecret: '' },
		});
		return { fake, n8n, credentialId: credential.id, dispose };
	} catch (error) {
		await dispose();
		throw error;
	}
}

module.exports = { startLinqV2E2e };
