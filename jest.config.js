const swcOptions = require('./swc.config');

/** Tests run against the real PostgreSQL and RabbitMQ on 127.0.0.1; see libs/testing. */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,test,deploy,bench}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/chaos/'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcOptions(), swcrc: false }],
    // A few dependencies ship ES modules only (Node 20 requires them natively; jest does not).
    '^.+\\.js$': ['@swc/jest', { ...swcOptions(), swcrc: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|oidc-provider|jose|openid-client|oauth4webapi|got|nanoid|quick-lru|@sindresorhus|@szmarczak|cacheable-lookup|cacheable-request|p-cancelable|responselike|lowercase-keys|normalize-url|mimic-response|form-data-encoder|http2-wrapper|eta|decompress-response|get-stream|keyv|defer-to-connect|@koa)/)'],
  moduleNameMapper: { '^@lotsen/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // Every service is closed in afterAll; this only guards CI against a stray timer keeping jest alive.
  forceExit: true,
};
