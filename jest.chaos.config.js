const base = require('./jest.config');

/** Runs alone after the main suite: it restarts the shared RabbitMQ and Postgres. */
module.exports = { ...base, testMatch: ['<rootDir>/test/chaos/**/*.spec.ts'], testPathIgnorePatterns: ['/node_modules/'], testTimeout: 20 * 60 * 1000, maxWorkers: 1 };
