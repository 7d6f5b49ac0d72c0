import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import express from 'express';

/**
 * Serves the built dashboard on the same port as the API: files as they are, `/take` to the participant page
 * and every other non-API path to the research app (client-side routing).
 */
export function serveDashboard(app: NestExpressApplication, dashboardDir: string): void {
  const index = path.join(dashboardDir, 'index.html');
  const take = path.join(dashboardDir, 'take.html');
  app.use(express.static(dashboardDir, { index: false, maxAge: '1h', fallthrough: true }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.path.startsWith('/api')) return next();
    // /take/<token> is the API's token exchange; /take itself is the participant page.
    if (/^\/take\/[^/]+\/?$/.test(request.path)) return next();
    if (!existsSync(index)) {
      response
        .status(503)
        .type('text/plain')
        .send('The dashboard is not built yet. Run `npm start` (it builds it) or `npx nx run dashboard:build`.');
      return;
    }
    response.setHeader('Cache-Control', 'no-store');
    response.sendFile(/^\/take\/?$/.test(request.path) && existsSync(take) ? take : index);
  });
}
