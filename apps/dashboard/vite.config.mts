import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.KLIK_API_URL ?? 'http://localhost:3000';

/**
 * Serves take.html for /take/* in the dev and preview servers, the way the API does in production,
 * so invitation links can be tried without the API serving the files.
 */
function participantRoutes(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    if (req.url && /^\/take(\/|$|\?)/.test(req.url)) req.url = '/take.html';
    next();
  };
  return {
    name: 'klik-participant-routes',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

/**
 * Writes .vite/chunk-modules.json (chunk file → source modules). The Vite manifest lists chunks only;
 * scripts/check-bundles.mjs needs the modules inside them to prove the participant pages hold no research code.
 */
function chunkModulesReport(): Plugin {
  return {
    name: 'klik-chunk-modules-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const report: Record<string, string[]> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        report[output.fileName] = output.moduleIds.map((id) =>
          id.startsWith('\0') ? id : relative(projectRoot, id).split('\\').join('/'),
        );
      }
      this.emitFile({
        type: 'asset',
        fileName: '.vite/chunk-modules.json',
        source: `${JSON.stringify(report, null, 2)}\n`,
      });
    },
  };
}

export default defineConfig({
  root: projectRoot,
  // Absolute asset URLs: participant pages live at nested paths (/take/<token>).
  base: '/',
  plugins: [react(), participantRoutes(), chunkModulesReport()],
  // Workspace libraries from their TypeScript sources (as tsconfig.base.json paths and the Jest preset do), so the
  // dev server, the tests and the build need no prior build of the library.
  resolve: { alias: { '@klik/csv': resolve(projectRoot, '../../libs/csv/src/index.ts') } },
  server: {
    port: 4200,
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    port: 4300,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    sourcemap: true,
    target: 'es2022',
    // Vite 8 name for rollupOptions (deprecated alias): two entries, so the participant bundle is separate.
    rolldownOptions: {
      input: {
        research: resolve(projectRoot, 'index.html'),
        participant: resolve(projectRoot, 'take.html'),
      },
      output: {
        // Name React's shared chunk after what it is. Deliberately no catch-all vendor group:
        // that would put research-only libraries (d3) into a chunk the participant pages load.
        codeSplitting: {
          groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  test: {
    root: projectRoot,
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}', 'scripts/**/*.spec.mjs'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    pool: 'threads',
    maxWorkers: 1,
  },
});
