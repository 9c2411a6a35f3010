'use strict';
/**
 * A throw-away self-signed certificate for https://127.0.0.1, so the fake Linq can hand out
 * https upload URLs like the real one. n8n trusts it through NODE_EXTRA_CA_CERTS (a bundle of
 * any CA file already configured plus this certificate).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function createLoopbackCert() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-e2e-tls-'));
	const keyFile = path.join(dir, 'key.pem');
	const certFile = path.join(dir, 'cert.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-keyout',
			keyFile,
			'-out',
			certFile,
			'-days',
			'2',
			'-subj',
			'/CN=127.0.0.1',
			'-addext',
			'subjectAltName=IP:127.0.0.1',
		],
		{ stdio: 'ignore' },
	);
	const cert = fs.readFileSync(certFile);
	const existing = process.env.NODE_EXTRA_CA_CERTS;
	const bundle = path.join(dir, 'ca-bundle.pem');
	const previous =
		existing && fs.existsSync(existing) ? `${fs.readFileSync(existing, 'utf8').trimEnd()}\n` : '';
	fs.writeFileSync(bundle, `${previous}${cert}`);
	return {
		key: fs.readFileSync(keyFile),
		cert,
		caBundle: bundle,
		dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
	};
}

module.exports = { createLoopbackCert };
