module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'survey-model',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
