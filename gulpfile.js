const path = require('path');
const { src, dest, task } = require('gulp');

// tsc only emits JavaScript; n8n reads node and credential icons from dist/ next to the code.
function copyIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

task('build:icons', copyIcons);
