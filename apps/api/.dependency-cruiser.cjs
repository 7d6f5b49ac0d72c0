// The API's folder rule, checked by `npm run lint` (the api project's lint target):
// no import cycle between the folders under apps/api/src.
//
// `scope: 'folder'` makes dependency-cruiser collapse every file into its folder (a folder includes its
// sub-folders, so `studies/dto` is part of `studies`) and report any cycle in that folder graph, e.g.
// participants → invitations → participants, however many folders it passes through.
//
// Type-only imports (`import type`) count like any other (`tsPreCompilationDeps: true`): they are erased at run
// time, but a folder that names another folder's types depends on its design, and a type-only edge turns into a
// runtime one the day somebody needs a value. A module that must know whether rows of a module built on it
// exist asks the database (the foreign key is there), instead of importing upwards.
const path = require('node:path');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment:
        'Folders under apps/api/src depend one way only. Move the shared piece down to the folder that owns it, ' +
        'or let the higher folder call the lower one (see "How it is built" in README.md).',
      scope: 'folder',
      from: { path: '^apps/api/src/[^/]+' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    // Absolute: dependency-cruiser resolves the tsconfig's `extends` from the wrong folder for a relative path.
    tsConfig: { fileName: path.join(__dirname, 'tsconfig.json') },
  },
};
