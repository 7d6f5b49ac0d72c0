import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';
import * as path from 'node:path';

const toBoolean = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  return value;
};
const toInteger = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/** The rate limits (issue 10): attempts per window, per account or token and per client address. */
export const RATE_LIMIT_NAMES = [
  'login-account',
  'login-ip',
  'take-ip',
  'invitation-token',
  'invitation-ip',
] as const;
export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];
export interface RateLimit {
  readonly points: number;
  readonly durationSeconds: number;
}

/**
 * Defaults: a person mistyping a password a few times, a clinic's shared address with many staff or clients
 * behind it, and someone who opens a staff invitation more than once all stay well inside; a guessing script does
 * not. Login attempts also lock an account after five failures (auth.service.ts), independently of these.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitName, RateLimit>> = Object.freeze({
  'login-account': { points: 10, durationSeconds: 15 * 60 },
  'login-ip': { points: 100, durationSeconds: 15 * 60 },
  'take-ip': { points: 60, durationSeconds: 60 },
  'invitation-token': { points: 10, durationSeconds: 15 * 60 },
  'invitation-ip': { points: 30, durationSeconds: 15 * 60 },
});

const RATE_LIMIT_ITEM = `(?:${RATE_LIMIT_NAMES.join('|')})=[1-9]\\d{0,8}/[1-9]\\d{0,6}[smh]`;
const RATE_LIMITS_PATTERN = new RegExp(`^\\s*${RATE_LIMIT_ITEM}(?:\\s*,\\s*${RATE_LIMIT_ITEM})*\\s*$`);
const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

/** KLIK_RATE_LIMITS over the defaults: `login-ip=100/15m,take-ip=60/1m` (already validated by the pattern). */
function parseRateLimits(text: string | undefined): Readonly<Record<RateLimitName, RateLimit>> {
  const limits: Record<RateLimitName, RateLimit> = { ...DEFAULT_RATE_LIMITS };
  for (const item of (text ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const [, name, points, amount, unit] = /^([a-z-]+)=(\d+)\/(\d+)([smh])$/.exec(item) as RegExpExecArray;
    limits[name as RateLimitName] = {
      points: Number(points),
      durationSeconds: Number(amount) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS],
    };
  }
  return Object.freeze(limits);
}

/**
 * The environment variables Klik reads, validated once at boot. Nothing else in the API reads `process.env`.
 * Each is documented in the README's configuration table.
 */
class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// connection URL',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  KLIK_DB_POOL_SIZE?: number;

  @IsOptional()
  @IsString()
  KLIK_DATA_DIR?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'KLIK_SEED_DEMO must be true or false' })
  KLIK_SEED_DEMO?: boolean;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'KLIK_MIGRATE must be true or false' })
  KLIK_MIGRATE?: boolean;

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true },
    { message: 'KLIK_PUBLIC_URL must be an absolute http(s) URL' },
  )
  KLIK_PUBLIC_URL?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  KLIK_SESSION_TTL_HOURS?: number;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'KLIK_COOKIE_SECURE must be true or false' })
  KLIK_COOKIE_SECURE?: boolean;

  @IsOptional()
  @IsString()
  KLIK_DASHBOARD_DIR?: string;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  KLIK_LOG_LEVEL?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'KLIK_ANALYSIS_MIN_N must be a whole number' })
  @Min(3)
  @Max(100_000)
  KLIK_ANALYSIS_MIN_N?: number;

  @IsOptional()
  @IsString()
  KLIK_AUDIT_CHECKPOINT_DIR?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'KLIK_AUDIT_CHECKPOINT_SECONDS must be a whole number (0 turns the timer off)' })
  @Min(0)
  @Max(86_400)
  KLIK_AUDIT_CHECKPOINT_SECONDS?: number;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'KLIK_AUDIT_CHECKPOINT_LOG must be true or false' })
  KLIK_AUDIT_CHECKPOINT_LOG?: boolean;

  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s/]+/, {
    message: 'KLIK_SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)',
  })
  KLIK_SMTP_URL?: string;

  @IsOptional()
  @Matches(/^(?:[^<>\r\n]{0,100}<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'KLIK_MAIL_FROM must be an e-mail address, optionally with a name: Klik <klik@example.org>',
  })
  KLIK_MAIL_FROM?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'KLIK_MESSAGING_INTERVAL_SECONDS must be a whole number' })
  @Min(1)
  @Max(86_400)
  KLIK_MESSAGING_INTERVAL_SECONDS?: number;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'KLIK_MESSAGING_SCHEDULER must be true or false' })
  KLIK_MESSAGING_SCHEDULER?: boolean;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'KLIK_SAFETY_ESCALATION_MINUTES must be a whole number of minutes' })
  @Min(1)
  @Max(7 * 24 * 60)
  KLIK_SAFETY_ESCALATION_MINUTES?: number;

  @IsOptional()
  @Matches(RATE_LIMITS_PATTERN, {
    message: `KLIK_RATE_LIMITS must be comma-separated name=count/window pairs such as login-ip=100/15m (names: ${RATE_LIMIT_NAMES.join(', ')}; window in s, m or h)`,
  })
  KLIK_RATE_LIMITS?: string;
}

export type LogLevelName = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

export interface AppConfig {
  readonly environment: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly database:
    { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  /** KLIK_DATA_DIR, resolved: the embedded database (when used) and written exports (`exports/<id>/`) live here. */
  readonly dataDir: string;
  readonly seedDemo: boolean;
  readonly migrateOnBoot: boolean;
  readonly publicUrl: string;
  readonly sessionTtlHours: number;
  readonly cookieSecure: boolean;
  readonly dashboardDir: string;
  readonly logLevel: LogLevelName;
  /** Fewest participants a statistic is shown for; below it the analyses answer `suppressed: true`. */
  readonly analysisMinN: number;
  /** Signed checkpoints of the audit chain, kept outside the database (see audit/audit-checkpoint-store.ts). */
  readonly auditCheckpoints: {
    /** Holds the signing key and the checkpoint file; keep it out of the database's backups. */
    readonly dir: string;
    /** Seconds between checkpoints while the log grows; 0 = no timer (the default under NODE_ENV=test). */
    readonly intervalSeconds: number;
    /** Also print each checkpoint line to standard output. */
    readonly log: boolean;
  };
  /** E-mail invitations and reminders: without an SMTP URL, messages stay in the outbox for the researcher. */
  readonly messaging: {
    readonly smtpUrl: string | null;
    readonly mailFrom: string;
    readonly intervalSeconds: number;
    /** The periodic pass; off under NODE_ENV=test unless asked for, so tests call `runDue` themselves. */
    readonly schedulerEnabled: boolean;
  };
  /** Safety signals (risk items): an open signal escalates to the safety contact and admins after this long. */
  readonly safety: { readonly escalationMinutes: number };
  /** Attempts per window for login, participant links and staff invitations, shared by all API processes. */
  readonly rateLimits: Readonly<Record<RateLimitName, RateLimit>>;
  readonly version: string;
}

/** Thrown when the environment is invalid; the message names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; messages: string[] }[]) {
    super(
      'Invalid configuration:\n' +
        problems.map((p) => `  ${p.variable}: ${p.messages.join('; ')}`).join('\n') +
        '\nSee the configuration table in README.md.',
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from an environment (defaults to `process.env`). */
export function loadConfig(
  environment: NodeJS.ProcessEnv = process.env,
  workspaceRoot = findWorkspaceRoot(),
): AppConfig {
  const raw = plainToInstance(EnvironmentVariables, { ...environment }, { excludeExtraneousValues: false });
  // One message per variable: `PORT=abc` is "not an integer", not also "below 0" and "above 65535".
  const errors = validateSync(raw, {
    whitelist: false,
    skipMissingProperties: false,
    stopAtFirstError: true,
  });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((error) => ({ variable: error.property, messages: Object.values(error.constraints ?? {}) })),
    );
  }
  const env = (raw.NODE_ENV ?? 'development') as AppConfig['environment'];
  const port = raw.PORT ?? 3000;
  const production = env === 'production';
  return Object.freeze({
    environment: env,
    port,
    host: raw.HOST ?? '0.0.0.0',
    database: raw.DATABASE_URL
      ? { kind: 'postgres' as const, url: raw.DATABASE_URL, poolSize: raw.KLIK_DB_POOL_SIZE ?? 10 }
      : { kind: 'embedded' as const, dataDir: path.resolve(workspaceRoot, raw.KLIK_DATA_DIR ?? '.klik') },
    dataDir: path.resolve(workspaceRoot, raw.KLIK_DATA_DIR ?? '.klik'),
    seedDemo: raw.KLIK_SEED_DEMO ?? !production,
    migrateOnBoot: raw.KLIK_MIGRATE ?? true,
    publicUrl: (raw.KLIK_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    sessionTtlHours: raw.KLIK_SESSION_TTL_HOURS ?? 12,
    cookieSecure: raw.KLIK_COOKIE_SECURE ?? production,
    dashboardDir: path.resolve(workspaceRoot, raw.KLIK_DASHBOARD_DIR ?? 'apps/dashboard/dist'),
    logLevel: (raw.KLIK_LOG_LEVEL ?? 'warn') as LogLevelName,
    analysisMinN: raw.KLIK_ANALYSIS_MIN_N ?? 10,
    auditCheckpoints: Object.freeze({
      dir: path.resolve(
        workspaceRoot,
        raw.KLIK_AUDIT_CHECKPOINT_DIR ?? path.join(raw.KLIK_DATA_DIR ?? '.klik', 'audit'),
      ),
      intervalSeconds: raw.KLIK_AUDIT_CHECKPOINT_SECONDS ?? (env === 'test' ? 0 : 60),
      log: raw.KLIK_AUDIT_CHECKPOINT_LOG ?? false,
    }),
    messaging: Object.freeze({
      smtpUrl: raw.KLIK_SMTP_URL ?? null,
      mailFrom: raw.KLIK_MAIL_FROM ?? 'Klik <klik@localhost>',
      intervalSeconds: raw.KLIK_MESSAGING_INTERVAL_SECONDS ?? 60,
      schedulerEnabled: raw.KLIK_MESSAGING_SCHEDULER ?? env !== 'test',
    }),
    safety: Object.freeze({ escalationMinutes: raw.KLIK_SAFETY_ESCALATION_MINUTES ?? 60 }),
    rateLimits: parseRateLimits(raw.KLIK_RATE_LIMITS),
    version: readVersion(workspaceRoot),
  });
}

function findWorkspaceRoot(): string {
  // apps/api/src/config or apps/api/dist/config → the repository root holds nx.json
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      require.resolve(path.join(dir, 'nx.json'));
      return dir;
    } catch {
      dir = path.dirname(dir);
    }
  }
  return process.cwd();
}

function readVersion(workspaceRoot: string): string {
  try {
    return (require(path.join(workspaceRoot, 'package.json')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
