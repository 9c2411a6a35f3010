/**
 * Queue-mode suite (`npm run test:queue`): n8n 2.41.1 as 1 main, 2 workers and 2 webhook
 * processes on a throw-away PostgreSQL and Redis, with our packed package. One cluster per
 * test file, files one after another. globalTeardown stops whatever a file left running.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.test.js'],
	maxWorkers: 1,
	testTimeout: 300_000,
	slowTestThreshold: 60,
	globalSetup: '<rootDir>/test/queue/support/globalSetup.js',
	globalTeardown: '<rootDir>/test/queue/support/globalTeardown.js',
};
