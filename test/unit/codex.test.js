'use strict';
/**
 * Every node ships a codex (`<Node>.node.json` next to its source, copied into dist/ by the
 * build): n8n's node panel searches its aliases and files the node under its categories, so
 * someone looking for "sms" or "text message" finds Linq as they find Twilio.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** GitHub's anchor for a Markdown heading. */
const anchor = (heading) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\w\- ]/g, '')
		.replace(/ /g, '-');
const readmeAnchors = new Set(
	[...readme.matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) => anchor(heading)),
);

const nodes = manifest.n8n.nodes.map((compiled) => {
	const source = compiled.replace(/^dist\//, '').replace(/\.js$/, '.ts');
	const NodeClass = Object.values(require(path.join(root, source)))[0];
	return {
		compiled,
		codexFile: source.replace(/\.ts$/, '.json'),
		name: new NodeClass().description.name,
	};
});

describe.each(nodes)('$codexFile', ({ codexFile, name }) => {
	const codex = JSON.parse(fs.readFileSync(path.join(root, codexFile), 'utf8'));

	test('names the node it describes and files it under Communication', () => {
		expect(codex.node).toBe(`${manifest.name}.${name}`);
		expect(codex.codexVersion).toBe('1.0');
		expect(codex.categories).toEqual(['Communication']);
	});

	test('carries the words people search for when they want to send a text', () => {
		const aliases = codex.alias.map((alias) => alias.toLowerCase());
		for (const word of ['sms', 'imessage', 'rcs', 'text', 'text message', 'message'])
			expect(aliases).toContain(word);
		expect(new Set(aliases).size).toBe(aliases.length);
	});

	test('links to sections of the README that exist', () => {
		const links = [
			...codex.resources.primaryDocumentation,
			...codex.resources.credentialDocumentation,
		].map(({ url }) => new URL(url));
		expect(links.length).toBeGreaterThanOrEqual(2);
		for (const link of links) {
			expect(`${link.origin}${link.pathname}`).toBe(manifest.homepage.replace(/#.*$/, ''));
			expect(readmeAnchors).toContain(link.hash.slice(1));
		}
	});
});

test('the build copies each codex next to its compiled node', () => {
	const gulpfile = fs.readFileSync(path.join(root, 'gulpfile.js'), 'utf8');
	expect(gulpfile).toMatch(/nodes\/\*\*\/\*\.node\.json/);
	expect(manifest.scripts.build).toMatch(/gulp build:assets$/);
});
