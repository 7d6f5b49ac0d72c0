import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createKlikApp, type KlikApp } from '../src/app-factory';
import * as argon2 from 'argon2';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../src/config/app-config';
import { Institution } from '../src/institutions/institution.entity';
import { Membership, type Role } from '../src/institutions/membership.entity';
import type { WithdrawalPolicy } from '../src/studies/study.entity';
import { User } from '../src/users/user.entity';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Limits no ordinary spec reaches (one client address, the same accounts over and over). */
export const TEST_RATE_LIMITS =
  'login-account=100000/1m,login-ip=100000/1m,take-ip=100000/1m,invitation-token=100000/1m,invitation-ip=100000/1m';

export interface TestApp {
  klik: KlikApp;
  app: INestApplication;
  dataSource: DataSource;
  /** A supertest agent that keeps cookies (one logged-in browser). */
  agent(): TestAgent;
  close(): Promise<void>;
}

/**
 * The real application on the test database (see global-setup.cjs): real migrations, real PostgreSQL or PGlite,
 * no mocks. The demo seed is off so each test file builds the data it needs. Audit checkpoints go to a temporary
 * folder of this app (removed on close) unless given, never into the developer's own `.klik/audit`.
 */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const checkpointDir = mkdtempSync(path.join(tmpdir(), 'klik-audit-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    KLIK_DB_POOL_SIZE: '4',
    KLIK_SEED_DEMO: 'false',
    KLIK_LOG_LEVEL: 'error',
    KLIK_PUBLIC_URL: 'http://klik.test',
    // Every test logs in from 127.0.0.1, many times; the rate-limit specs set the limits they test.
    KLIK_RATE_LIMITS: TEST_RATE_LIMITS,
    KLIK_AUDIT_CHECKPOINT_DIR: checkpointDir,
    ...overrides,
  });
  const klik = await createKlikApp(config);
  const server = klik.app.getHttpServer();
  return {
    klik,
    app: klik.app,
    dataSource: klik.app.get(DataSource),
    agent: () => request.agent(server),
    close: async () => {
      await klik.close();
      rmSync(checkpointDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A unique suffix so test files never collide on unique columns in the shared test database. */
export function unique(prefix = 't'): string {
  counter++;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}`;
}

export interface SeededInstitution {
  institution: Institution;
  users: Record<Role, { user: User; email: string }>;
}

let passwordHash: Promise<string> | undefined;

/** An institution with one user per role, inserted directly (as the database owner, like the demo seed). */
export async function seedInstitution(
  dataSource: DataSource,
  name = unique('inst'),
): Promise<SeededInstitution> {
  passwordHash ??= argon2.hash(TEST_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const hash = await passwordHash;
  return dataSource.transaction(async (m) => {
    const institution = await m.save(m.create(Institution, { name, slug: name.toLowerCase().slice(0, 60) }));
    const users = {} as SeededInstitution['users'];
    for (const role of ['institution_admin', 'researcher', 'practitioner'] as Role[]) {
      const email = `${role}.${name}@example.test`.toLowerCase();
      const user = await m.save(
        m.create(User, { email, displayName: `${role} of ${name}`, passwordHash: hash }),
      );
      await m.insert(Membership, { userId: user.id, institutionId: institution.id, role });
      users[role] = { user, email };
    }
    return { institution, users };
  });
}

/** One more staff member of an institution, inserted directly (as the database owner, like seedInstitution). */
export async function addStaff(
  dataSource: DataSource,
  institutionId: string,
  role: Role,
  email = `${unique(role)}@example.test`,
): Promise<{ user: User; email: string }> {
  passwordHash ??= argon2.hash(TEST_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const hash = await passwordHash;
  return dataSource.transaction(async (m) => {
    const user = await m.save(m.create(User, { email, displayName: `${role} ${email}`, passwordHash: hash }));
    await m.insert(Membership, { userId: user.id, institutionId, role });
    return { user, email };
  });
}

/** Logs the agent in and fails the test loudly if that does not work. */
export async function login(agent: TestAgent, email: string, password = TEST_PASSWORD): Promise<void> {
  const response = await agent.post('/api/auth/login').send({ email, password });
  if (response.status !== 200)
    throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
}

/**
 * The study fields that name the logged-in staff member as its safety contact: a study whose protocol has an
 * instrument with risk items (PHQ-9, CORE-10, OQ-45, the check-in) recruits only with one (safety/, issue 11; the
 * default help texts cover the rest).
 */
export async function safetyContact(agent: TestAgent): Promise<{ safetyContactUserId: string }> {
  const me = await agent.get('/api/auth/me').expect(200);
  return { safetyContactUserId: me.body.user.id as string };
}

/**
 * A ready-to-recruit study built through the API: consent, two cohorts (Site A, Site B), a baseline timepoint with
 * PHQ-9 and a session timepoint with the alliance scale; the caller is its safety contact.
 */
export async function createRecruitingStudy(
  agent: TestAgent,
  title = unique('study'),
  withdrawalPolicy: WithdrawalPolicy = 'erase_responses',
) {
  const study = await agent
    .post('/api/studies')
    .send({
      title,
      languages: ['nl', 'en'],
      withdrawalPolicy,
      consentText: { nl: 'Toestemming', en: 'Consent' },
    })
    .expect(201);
  const studyId = study.body.id as string;
  const cohortA = await agent.post(`/api/studies/${studyId}/cohorts`).send({ name: 'Site A' }).expect(201);
  const cohortB = await agent.post(`/api/studies/${studyId}/cohorts`).send({ name: 'Site B' }).expect(201);
  const protocol = await agent
    .put(`/api/studies/${studyId}/protocol`)
    .send({
      timepoints: [
        {
          key: 'baseline',
          label: { nl: 'Begin', en: 'Baseline' },
          kind: 'baseline',
          offsetDays: 0,
          instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
        },
        {
          key: 'session',
          label: { nl: 'Sessie', en: 'Session' },
          kind: 'session',
          instruments: [{ instrumentId: 'klik-alliance', instrumentVersion: '1.0.0', respondent: 'client' }],
        },
      ],
    })
    .expect(200);
  await agent
    .patch(`/api/studies/${studyId}`)
    .send({ status: 'recruiting', ...(await safetyContact(agent)) })
    .expect(200);
  return {
    studyId,
    cohortIds: [cohortA.body.id as string, cohortB.body.id as string],
    timepointIds: (protocol.body.timepoints as { id: string }[]).map((t) => t.id),
  };
}
