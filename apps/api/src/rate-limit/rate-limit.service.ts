import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource, QueryRunner } from 'typeorm';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig, RATE_LIMIT_NAMES, type RateLimitName } from '../config/app-config';
import { RATE_LIMIT_TABLE } from '../database/migrations/1764400000008-staff-accounts';

/** What a limit is counted by: `sha256` keys (e-mail addresses, tokens) are stored only as their hash. */
export type RateLimitKey = { ip: string | undefined } | { secret: string };

/**
 * Rate limits shared by every API process: rate-limiter-flexible's PostgreSQL store, whose counter is one atomic
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` per attempt (fixed windows), in the `rate_limits` table of the
 * system of record. No process keeps a count of its own, so a client spreading attempts over several API nodes
 * meets the same limit. Checked before anything expensive (password hashing, token lookups).
 */
@Injectable()
export class RateLimitService {
  private readonly limiters: Record<RateLimitName, RateLimiterPostgres>;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    // The store speaks node-postgres: each of its statements runs in a short transaction of TypeORM's own pool
    // (on the embedded database its one connection; a transaction keeps PGlite's single session to one caller),
    // without statement names, which a transaction-mode PgBouncer would not keep.
    const storeClient = {
      query: (query: { text: string; values?: unknown[] }) =>
        dataSource.transaction(async (m) => {
          const result = await (m.queryRunner as QueryRunner).query(query.text, query.values, true);
          return { rows: result.records, rowCount: result.affected ?? result.records.length };
        }),
    };
    this.limiters = Object.fromEntries(
      RATE_LIMIT_NAMES.map((name) => [
        name,
        new RateLimiterPostgres({
          storeClient,
          storeType: 'client',
          tableName: RATE_LIMIT_TABLE,
          tableCreated: true,
          keyPrefix: name,
          points: config.rateLimits[name].points,
          duration: config.rateLimits[name].durationSeconds,
        }),
      ]),
    ) as Record<RateLimitName, RateLimiterPostgres>;
  }

  /**
   * Counts one attempt against each named limit, all of them (so a refused attempt still counts everywhere), and
   * throws a 429 `too_many_requests` with `Retry-After` when any is exceeded.
   */
  async consume(checks: readonly [RateLimitName, RateLimitKey][]): Promise<void> {
    const results = await Promise.allSettled(
      checks.map(([name, key]) => this.limiters[name].consume(keyText(key))),
    );
    let waitMs = 0;
    for (const result of results) {
      if (result.status === 'fulfilled') continue;
      // The store rejects with a RateLimiterRes when the limit is exceeded, with an Error when it failed.
      if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
      waitMs = Math.max(waitMs, result.reason.msBeforeNext);
    }
    if (results.some((result) => result.status === 'rejected')) throw tooManyRequests(waitMs);
  }

  /** Removes the count of one key, such as an account's after a successful login. */
  async reset(name: RateLimitName, key: RateLimitKey): Promise<void> {
    await this.limiters[name].delete(keyText(key));
  }
}

function keyText(key: RateLimitKey): string {
  if ('secret' in key) return createHash('sha256').update(key.secret, 'utf8').digest('hex');
  return key.ip ?? 'unknown';
}

/** The one answer to an exceeded limit: 429, `Retry-After` in whole seconds (at least 1). */
export function tooManyRequests(waitMs: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError(
    HttpStatus.TOO_MANY_REQUESTS,
    'too_many_requests',
    `Too many attempts; try again in ${retryAfterSeconds} seconds`,
    undefined,
    { retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}
