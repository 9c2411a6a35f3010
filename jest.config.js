/** Unit tests: test/unit. The end-to-end suite in a real n8n has its own command (test:e2e). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/unit'],
	testMatch: ['**/*.test.js'],
	setupFilesAfterEnv: ['<rootDir>/test/support/nockIsolation.js'],
	moduleFileExtensions: ['ts', 'js', 'json'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	testTimeout: 20_000,
};
