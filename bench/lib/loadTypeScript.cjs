'use strict';
/**
 * Lets plain Node require the repository's .ts sources the way jest's ts-jest does, so the
 * benchmarks can use test/support/harness.js (which loads the credential class) outside jest.
 * Only transpiles: type checking is the build's job.
 */
const fs = require('node:fs');
const ts = require('typescript');

let registered = false;

function registerTypeScript() {
	if (registered) return;
	registered = true;
	require.extensions['.ts'] = (module, filename) => {
		const source = fs.readFileSync(filename, 'utf8');
		const { outputText } = ts.transpileModule(source, {
			fileName: filename,
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2022,
				esModuleInterop: true,
			},
		});
		module._compile(outputText, filename);
	};
}

module.exports = { registerTypeScript };
