/**
 * End-to-end suite: a real n8n (the pinned version from the cache) with our packed package,
 * talking to the fake Linq server. One n8n per test file, so files run one after another.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.js'],
	maxWorkers: 1,
	testTimeout: 180_000,
	slowTestThreshold: 60,
};
