import { describe, expect, it } from 'vitest';
import { initialFiles, participantViolations, reachableChunks } from './bundle-graph.mjs';

// Shaped like dist/.vite/manifest.json from a two-entry build with a shared React chunk.
const manifest = {
  'index.html': {
    file: 'assets/research-a1.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_react-c3.js'],
    dynamicImports: ['src/charts/heavy.tsx'],
    css: ['assets/research-a1.css'],
  },
  'take.html': {
    file: 'assets/participant-b2.js',
    src: 'take.html',
    isEntry: true,
    imports: ['_react-c3.js'],
    css: ['assets/participant-b2.css'],
  },
  '_react-c3.js': { file: 'assets/react-c3.js' },
  'src/charts/heavy.tsx': { file: 'assets/heavy-d4.js', src: 'src/charts/heavy.tsx', isDynamicEntry: true },
};

const cleanModules = {
  'assets/research-a1.js': ['src/main.tsx', 'src/app/app.tsx', 'src/shared/language.ts'],
  'assets/participant-b2.js': ['src/participant/main.tsx', 'src/shared/language.ts'],
  'assets/react-c3.js': ['../../node_modules/react/index.js', '\0commonjsHelpers.js'],
  'assets/heavy-d4.js': ['src/charts/heavy.tsx'],
};

describe('reachableChunks', () => {
  it('follows static imports, and dynamic ones when asked', () => {
    expect(reachableChunks(manifest, 'index.html', { dynamic: false }).sort()).toEqual([
      '_react-c3.js',
      'index.html',
    ]);
    expect(reachableChunks(manifest, 'index.html', { dynamic: true }).sort()).toEqual([
      '_react-c3.js',
      'index.html',
      'src/charts/heavy.tsx',
    ]);
  });

  it('rejects an unknown entry', () => {
    expect(() => reachableChunks(manifest, 'missing.html', { dynamic: true })).toThrow(
      /no entry "missing.html"/,
    );
  });
});

describe('initialFiles', () => {
  it('lists the JS and CSS loaded up front, without lazy chunks', () => {
    expect(initialFiles(manifest, 'index.html').sort()).toEqual([
      'assets/react-c3.js',
      'assets/research-a1.css',
      'assets/research-a1.js',
    ]);
  });
});

describe('participantViolations', () => {
  it('accepts participant, shared and library modules', () => {
    expect(
      participantViolations({ manifest, chunkModules: cleanModules, participantEntry: 'take.html' }),
    ).toEqual([]);
  });

  it('reports research modules that end up in a chunk the participant entry loads', () => {
    // What a bundler does when both entries import the same research module: it moves it into the shared chunk.
    const leaked = {
      ...cleanModules,
      'assets/react-c3.js': [...cleanModules['assets/react-c3.js'], 'src/i18n/messages.ts'],
    };
    expect(participantViolations({ manifest, chunkModules: leaked, participantEntry: 'take.html' })).toEqual([
      { file: 'assets/react-c3.js', moduleId: 'src/i18n/messages.ts' },
    ]);
  });

  it('fails loudly when the module report does not match the manifest', () => {
    const { ['assets/react-c3.js']: _omitted, ...incomplete } = cleanModules;
    expect(() =>
      participantViolations({ manifest, chunkModules: incomplete, participantEntry: 'take.html' }),
    ).toThrow(/No module list for chunk "assets\/react-c3.js"/);
  });
});
