// Lets plain Node require the workspace's TypeScript sources without a build, for the reference and calibration
// scripts: @swc/core (the transpiler of jest.preset.cjs) strips the types on require, and the workspace aliases
// (@klik/*) resolve to the libraries' sources, as jest.preset.cjs maps them. Type checking stays with tsc.
//   require('./ts-require.cjs'); require('../src/demo/demo-data.ts');
// Why not run such code under Jest: Jest runs tests in a vm context, where every read of a global (Math.imul, Math.log)
// goes through the context's interceptor: measured here, a draw of the seeded generator takes about 60 times as long
// as in plain Node, and generating demo data about 10 times.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '..', '..', '..');
const aliases = {
  '@klik/csv': join(root, 'libs/csv/src/index.ts'),
  '@klik/stats': join(root, 'libs/stats/src/index.ts'),
  '@klik/survey-model': join(root, 'libs/survey-model/src/index.ts'),
};

if (!Module._extensions['.ts']) {
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return resolveFilename.call(this, aliases[request] ?? request, ...rest);
  };
  Module._extensions['.ts'] = (module, filename) => {
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
}

module.exports = { root };
