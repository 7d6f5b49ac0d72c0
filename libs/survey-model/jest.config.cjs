module.exports = {
  // eslint-disable-next-line @nx/enforce-module-boundaries -- the workspace Jest preset is shared config, not a project import
  ...require('../../jest.preset.cjs'),
  displayName: 'survey-model',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
