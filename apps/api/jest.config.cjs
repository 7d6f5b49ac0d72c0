// API tests run against a real database: the embedded PGlite started once in globalSetup (served over the
// PostgreSQL wire protocol), or the PostgreSQL named by DATABASE_URL, in a fresh database created for the run.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.cjs',
  globalTeardown: '<rootDir>/test/global-teardown.cjs',
  maxWorkers: 1,
  testTimeout: 30000,
};
