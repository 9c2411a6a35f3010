const fs = require('fs');
const path = require('path');
const { src, dest, task, parallel } = require('gulp');

// A build starts from an empty dist/, so a source file that was deleted can never ship.
function clean(done) {
	fs.rmSync(path.resolve('dist'), { recursive: true, force: true });
	done();
}

// tsc only emits JavaScript; n8n reads node and credential icons from dist/ next to the code.
function copyIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

// n8n reads a node's codex (categories, search aliases, docs links) from `<Node>.node.json`
// next to the compiled `<Node>.node.js`; without it the node panel finds the node by name only.
function copyCodex() {
	return src(['nodes/**/*.node.json'], { base: '.' }).pipe(dest(path.resolve('dist')));
}

task('clean', clean);
task('build:assets', parallel(copyIcons, copyCodex));
