// Lets `node -r ./libs/stats/bench/register.cjs file.ts` run the TypeScript benchmark and the library sources
// directly: each .ts file is transpiled by @swc/core (already used by Jest) to CommonJS on load. No type checking
// here; `nx run stats:typecheck` covers the bench files.
const { transformSync } = require('@swc/core');
const fs = require('node:fs');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
