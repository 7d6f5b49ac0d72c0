module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'stats',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
