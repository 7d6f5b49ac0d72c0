import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/app-config';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { TAKE_COOKIE, takeCookieOptions } from './take.controller';
import { preferredLanguage } from './take-messages';
import { TakeService } from './take.service';

/** The two plain-text pages of the entry, in the browser's language (nothing English for a Dutch browser). */
const ENTRY_TEXTS = {
  tooMany: {
    nl: 'Er zijn te veel uitnodigingen geopend vanaf dit netwerk. Wacht even en open de uitnodiging dan opnieuw.\n',
    en: 'Too many links were opened from your network. Wait a moment and open your link again.\n',
  },
  failed: {
    nl: (reference: string) => `Er ging bij ons iets mis (kenmerk ${reference}).`,
    en: (reference: string) => `Something went wrong on our side (reference ${reference}).`,
  },
} as const;

/**
 * `GET /take/<token>`: swaps the invitation token for an HttpOnly participant session cookie and redirects to the
 * token-free `/take`, so the token leaves the address bar and history. Every token, usable or not, gets the same
 * 303 (an unusable one with the cookie cleared); the page then tells the participant what it can. A completed link
 * opens a session whose state says `completed` (issue 11); unknown, expired and revoked ones stay identical, so
 * only the holder of a real 256-bit token learns anything. A plain Express
 * route, outside Nest's /api prefix, registered before the dashboard's static files. Rate-limited per client
 * address (`take-ip`), shared by all API processes.
 */
export function registerTakeEntry(app: NestExpressApplication, config: AppConfig): void {
  const logger = new Logger('TakeEntry');
  (app.getHttpAdapter().getInstance() as Express).get('/take/:token', async (request: Request, response: Response) => {
    response.setHeader('Cache-Control', 'no-store');
    try {
      // Per client address, before the token is looked up: guessing links meets a 429 whatever the token.
      await app.get(RateLimitService).consume([['take-ip', { ip: request.ip }]]);
      // A first visit opens in the browser's language when the study has it.
      const preferred = request.acceptsLanguages().flatMap((tag) => {
        const base = tag.toLowerCase().slice(0, 2);
        return base === 'nl' || base === 'en' ? [base] : [];
      }) as ('nl' | 'en')[];
      const entered = await app.get(TakeService).enter(String(request.params.token), preferred);
      if (entered) response.cookie(TAKE_COOKIE, entered.sessionToken, takeCookieOptions(config, entered.expiresAt));
      else response.clearCookie(TAKE_COOKIE, takeCookieOptions(config));
      response.redirect(303, '/take');
    } catch (error) {
      if (error instanceof AppError && error.status === 429) {
        response.set(error.headers ?? {});
        response.status(429).type('text/plain').send(ENTRY_TEXTS.tooMany[preferredLanguage(request.acceptsLanguages())]);
        return;
      }
      const correlationId = (request as Request & { correlationId?: string }).correlationId;
      logger.error(`token exchange failed [${correlationId ?? '-'}]`, error instanceof Error ? error.stack : String(error));
      const failed = ENTRY_TEXTS.failed[preferredLanguage(request.acceptsLanguages())];
      response.status(500).type('text/plain').send(failed(correlationId ?? '-'));
    }
  });
}
