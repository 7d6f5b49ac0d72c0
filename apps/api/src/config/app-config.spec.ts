import * as path from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const root = '/srv/klik';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./.klik, port 3000 and the demo seed outside production', () => {
    const config = loadConfig({}, root);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: path.join(root, '.klik') });
    expect(config.port).toBe(3000);
    expect(config.seedDemo).toBe(true);
    expect(config.cookieSecure).toBe(false);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.analysisMinN).toBe(10);
    expect(loadConfig({ KLIK_ANALYSIS_MIN_N: '25' }, root).analysisMinN).toBe(25);
  });

  it('keeps messages in the outbox without SMTP, and runs the messaging pass every minute except under test', () => {
    expect(loadConfig({}, root).messaging).toEqual({
      smtpUrl: null,
      mailFrom: 'Klik <klik@localhost>',
      intervalSeconds: 60,
      schedulerEnabled: true,
    });
    expect(loadConfig({ NODE_ENV: 'test' }, root).messaging.schedulerEnabled).toBe(false);
    const configured = loadConfig(
      {
        NODE_ENV: 'test',
        KLIK_SMTP_URL: 'smtp://mailer:secret@mail.example.org:587',
        KLIK_MAIL_FROM: 'Klik study <study@example.org>',
        KLIK_MESSAGING_INTERVAL_SECONDS: '5',
        KLIK_MESSAGING_SCHEDULER: 'true',
      },
      root,
    ).messaging;
    expect(configured).toEqual({
      smtpUrl: 'smtp://mailer:secret@mail.example.org:587',
      mailFrom: 'Klik study <study@example.org>',
      intervalSeconds: 5,
      schedulerEnabled: true,
    });
    expect(loadConfig({ KLIK_MAIL_FROM: 'plain@example.org' }, root).messaging.mailFrom).toBe(
      'plain@example.org',
    );
  });

  it('escalates an unacknowledged safety signal after 60 minutes unless told, and refuses a bad value', () => {
    expect(loadConfig({}, root).safety).toEqual({ escalationMinutes: 60 });
    expect(loadConfig({ KLIK_SAFETY_ESCALATION_MINUTES: '15' }, root).safety.escalationMinutes).toBe(15);
    for (const bad of ['0', '-5', 'soon', '1.5', '20000']) {
      expect(() => loadConfig({ KLIK_SAFETY_ESCALATION_MINUTES: bad }, root)).toThrow(/KLIK_SAFETY_ESCALATION_MINUTES/);
    }
  });

  it('keeps audit checkpoints in <data folder>/audit, signed every minute except under test, unless told', () => {
    expect(loadConfig({}, root).auditCheckpoints).toEqual({
      dir: path.join(root, '.klik', 'audit'),
      intervalSeconds: 60,
      log: false,
    });
    expect(loadConfig({ NODE_ENV: 'test' }, root).auditCheckpoints.intervalSeconds).toBe(0);
    expect(loadConfig({ KLIK_DATA_DIR: '/var/klik' }, root).auditCheckpoints.dir).toBe('/var/klik/audit');
    expect(
      loadConfig(
        {
          NODE_ENV: 'test',
          KLIK_AUDIT_CHECKPOINT_DIR: 'keys/audit',
          KLIK_AUDIT_CHECKPOINT_SECONDS: '5',
          KLIK_AUDIT_CHECKPOINT_LOG: 'true',
        },
        root,
      ).auditCheckpoints,
    ).toEqual({ dir: path.join(root, 'keys', 'audit'), intervalSeconds: 5, log: true });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and production turns the seed off and secure cookies on', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgres://klik@db:5432/klik', NODE_ENV: 'production', PORT: '8080' },
      root,
    );
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://klik@db:5432/klik', poolSize: 10 });
    // Exports are written under KLIK_DATA_DIR whichever database is used.
    expect(config.dataDir).toBe(path.join(root, '.klik'));
    expect(loadConfig({ DATABASE_URL: 'postgres://db/klik', KLIK_DATA_DIR: '/var/klik' }, root).dataDir).toBe(
      '/var/klik',
    );
    expect(config.seedDemo).toBe(false);
    expect(config.cookieSecure).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['KLIK_SEED_DEMO', 'maybe'],
    ['NODE_ENV', 'staging'],
    ['KLIK_PUBLIC_URL', 'not a url'],
    ['KLIK_SESSION_TTL_HOURS', '0'],
    ['KLIK_ANALYSIS_MIN_N', '2'],
    ['KLIK_ANALYSIS_MIN_N', 'ten'],
    ['KLIK_SMTP_URL', 'http://mail.example.org'],
    ['KLIK_SMTP_URL', 'mail.example.org:25'],
    ['KLIK_MAIL_FROM', 'not an address'],
    ['KLIK_MAIL_FROM', 'Klik <broken'],
    ['KLIK_MESSAGING_INTERVAL_SECONDS', '0'],
    ['KLIK_MESSAGING_INTERVAL_SECONDS', 'often'],
    ['KLIK_MESSAGING_SCHEDULER', 'sometimes'],
    ['KLIK_AUDIT_CHECKPOINT_SECONDS', '-1'],
    ['KLIK_AUDIT_CHECKPOINT_SECONDS', 'hourly'],
    ['KLIK_AUDIT_CHECKPOINT_LOG', 'loud'],
  ])('stops on an invalid %s (%s) with a message naming the variable', (variable, value) => {
    let thrown: unknown;
    try {
      loadConfig({ [variable]: value }, root);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).message).toContain(`${variable}:`);
    expect((thrown as ConfigError).problems.map((p) => p.variable)).toEqual([variable]);
    // One sentence per variable, not every rule it broke.
    expect((thrown as ConfigError).problems[0].messages).toHaveLength(1);
  });

  it('reports every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', KLIK_MIGRATE: 'sometimes' }, root)).toThrow(
      /PORT:[\s\S]*KLIK_MIGRATE:|KLIK_MIGRATE:[\s\S]*PORT:/,
    );
  });
});
