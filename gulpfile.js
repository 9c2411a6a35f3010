const fs = require('fs');
const path = require('path');
const { src, dest, task } = require('gulp');

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

task('clean', clean);
task('build:icons', copyIcons);
