// Shared Jest settings: SWC transpiles TypeScript (with decorator metadata, which NestJS and TypeORM need),
// and the workspace libraries resolve to their sources so tests never need a prior build.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@klik/csv$': path.join(__dirname, 'libs/csv/src/index.ts'),
    '^@klik/stats$': path.join(__dirname, 'libs/stats/src/index.ts'),
    '^@klik/survey-model$': path.join(__dirname, 'libs/survey-model/src/index.ts'),
  },
};
