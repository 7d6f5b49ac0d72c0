import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import express from 'express';

/** Vite names every built asset `<name>-<hash>.<ext>` (8 base64url characters): its content never changes. */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** The HTML names the current hashed files, so the browser asks each time (a 304 when nothing changed). */
export const CACHE_HTML = 'no-cache';
const CACHE_OTHER = 'public, max-age=3600';

/** The precompressed copies the dashboard build writes beside each asset (scripts/precompress.mjs), best first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

type Encoding = (typeof PRECOMPRESSED)[number]['encoding'];

/**
 * The content coding to answer with: brotli when the client accepts it, else gzip, else none. Reads the q-values of
 * `Accept-Encoding` (RFC 9110 §12.5.3): a coding with q=0 is refused, `*` stands for codings not named.
 */
export function pickEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | null {
  if (!acceptEncoding) return null;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    quality.set(name, q === undefined ? 1 : Number(q));
  }
  const wildcard = quality.get('*') ?? 0;
  return available.find((encoding) => (quality.get(encoding) ?? wildcard) > 0) ?? null;
}

function cacheControl(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? CACHE_IMMUTABLE : CACHE_OTHER;
}

/**
 * Answers a request for a built file with its precompressed copy (`.br`, `.gz`) when there is one and the client
 * accepts it, with the original's Content-Type and `Vary: Accept-Encoding`; anything else falls through to the plain
 * file. Compressed once at build time at the highest level, instead of on every request.
 */
function precompressed(dashboardDir: string) {
  const root = path.resolve(dashboardDir);
  return (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.path.startsWith('/assets/'))
      return next();
    let relative: string;
    try {
      relative = decodeURIComponent(request.path);
    } catch {
      return next();
    }
    const file = path.resolve(root, `.${path.posix.normalize(relative)}`);
    if (!file.startsWith(root + path.sep)) return next();
    const available = PRECOMPRESSED.filter(({ suffix }) => existsSync(file + suffix));
    if (available.length === 0) return next();
    response.vary('Accept-Encoding');
    const encoding = pickEncoding(
      request.get('accept-encoding'),
      available.map((variant) => variant.encoding),
    );
    const variant = available.find((candidate) => candidate.encoding === encoding);
    if (!variant) return next();
    response.setHeader('Content-Encoding', variant.encoding);
    response.setHeader('Cache-Control', cacheControl(request.path));
    response.type(path.extname(file));
    // The compressed bytes have their own length and ETag; byte ranges of them make no sense to a browser.
    response.sendFile(
      file + variant.suffix,
      { cacheControl: false, acceptRanges: false, dotfiles: 'deny' },
      (error) => {
        if (error) next(error);
      },
    );
  };
}

/**
 * Serves the built dashboard on the same port as the API: files as they are (precompressed where the build made
 * copies), `/take` to the participant page and every other non-API path to the research app (client-side routing).
 * Hashed assets are cached for a year as immutable; the HTML is revalidated on every load.
 */
export function serveDashboard(app: NestExpressApplication, dashboardDir: string): void {
  const index = path.join(dashboardDir, 'index.html');
  const take = path.join(dashboardDir, 'take.html');
  app.use(precompressed(dashboardDir));
  app.use(
    express.static(dashboardDir, {
      index: false,
      fallthrough: true,
      setHeaders: (response, file) => {
        const urlPath = `/${path.relative(dashboardDir, file).split(path.sep).join('/')}`;
        response.setHeader('Cache-Control', cacheControl(urlPath));
        if (PRECOMPRESSED.some(({ suffix }) => existsSync(file + suffix))) response.vary('Accept-Encoding');
      },
    }),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.path.startsWith('/api'))
      return next();
    // /take/<token> is the API's token exchange; /take itself is the participant page.
    if (/^\/take\/[^/]+\/?$/.test(request.path)) return next();
    if (!existsSync(index)) {
      response
        .status(503)
        .type('text/plain')
        .send(
          'The dashboard is not built yet. Run `npm start` (it builds it) or `npx nx run dashboard:build`.',
        );
      return;
    }
    response.setHeader('Cache-Control', CACHE_HTML);
    response.sendFile(/^\/take\/?$/.test(request.path) && existsSync(take) ? take : index);
  });
}
