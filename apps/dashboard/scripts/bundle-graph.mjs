// Pure helpers behind check-bundles.mjs, kept apart so they can be tested on fixtures.

/** Source folders the participant pages may load; everything else under src/ belongs to the research app. */
export const PARTICIPANT_ALLOWED_SOURCES = ['src/participant/', 'src/shared/'];

/**
 * @typedef {{ file: string, src?: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[] }} ManifestChunk
 * @typedef {Record<string, ManifestChunk>} Manifest
 * @typedef {Record<string, string[]>} ChunkModules output file name → module ids relative to the project root
 */

/**
 * Manifest keys reachable from an entry.
 * @param {Manifest} manifest
 * @param {string} entryKey
 * @param {{ dynamic: boolean }} options include lazily loaded chunks (for the purity check) or not (initial load)
 * @returns {string[]}
 */
export function reachableChunks(manifest, entryKey, { dynamic }) {
  if (!manifest[entryKey]) throw new Error(`The manifest has no entry "${entryKey}"`);
  /** @type {Set<string>} */
  const seen = new Set();
  const pending = [entryKey];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest refers to a missing chunk "${key}"`);
    pending.push(...(chunk.imports ?? []));
    if (dynamic) pending.push(...(chunk.dynamicImports ?? []));
  }
  return [...seen];
}

/**
 * JavaScript and CSS files a browser downloads to show an entry (static imports only).
 * @param {Manifest} manifest
 * @param {string} entryKey
 * @returns {string[]}
 */
export function initialFiles(manifest, entryKey) {
  const files = new Set();
  for (const key of reachableChunks(manifest, entryKey, { dynamic: false })) {
    files.add(manifest[key].file);
    for (const css of manifest[key].css ?? []) files.add(css);
  }
  return [...files];
}

/** @param {string} moduleId */
export function isAppSource(moduleId) {
  return moduleId.startsWith('src/');
}

/**
 * Modules of the research app found in the participant entry's chunk graph (static and dynamic).
 * Libraries from node_modules (React) may be shared; app code only from the allowed folders.
 * @param {{ manifest: Manifest, chunkModules: ChunkModules, participantEntry: string }} input
 * @returns {{ file: string, moduleId: string }[]}
 */
export function participantViolations({ manifest, chunkModules, participantEntry }) {
  const violations = [];
  for (const key of reachableChunks(manifest, participantEntry, { dynamic: true })) {
    const file = manifest[key].file;
    const modules = chunkModules[file];
    if (!modules)
      throw new Error(`No module list for chunk "${file}": was chunk-modules.json written by this build?`);
    for (const moduleId of modules) {
      if (
        isAppSource(moduleId) &&
        !PARTICIPANT_ALLOWED_SOURCES.some((folder) => moduleId.startsWith(folder))
      ) {
        violations.push({ file, moduleId });
      }
    }
  }
  return violations;
}
