import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import {
  addStaff,
  createRecruitingStudy,
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';

/**
 * The acceptance test of issue 2, item 6: a researcher of institution A calls every study route with institution
 * B's ids and gets 404 (or 403) without a byte of B's data. The route table below is checked against the OpenAPI
 * document, so a study route added later without a tenancy case makes this file fail.
 */

/** A value that is never a substring of another value made the same way (unique() numbers grow: -1 vs -12). */
const secret = (prefix: string) => `${unique(prefix)}-z`;

interface World {
  studyId: string;
  title: string;
  cohortIds: string[];
  cohortNames: string[];
  timepointIds: string[];
  participantIds: string[];
  participantCodes: string[];
  invitationIds: string[];
  invitationTokens: string[];
}

/** A recruiting study with renamed cohorts, four participants (explicit, generated, imported) and two invitations. */
async function buildWorld(agent: TestAgent, label: string, practitionerId: string): Promise<World> {
  const title = secret(`${label} study`);
  const { studyId, cohortIds, timepointIds } = await createRecruitingStudy(agent, title);
  const cohortNames = [secret(`${label}-cohort`), secret(`${label}-cohort`)];
  for (const [i, cohortId] of cohortIds.entries()) {
    await agent
      .patch(`/api/studies/${studyId}/cohorts/${cohortId}`)
      .send({ name: cohortNames[i] })
      .expect(200);
  }
  const explicit = secret(`${label}X`);
  const one = await agent
    .post(`/api/studies/${studyId}/participants`)
    .send({ cohortId: cohortIds[0], code: explicit, practitionerId })
    .expect(201);
  const generated = await agent
    .post(`/api/studies/${studyId}/participants`)
    .send({ cohortId: cohortIds[1] })
    .expect(201);
  const imported = [secret(`${label}I`), secret(`${label}I`)];
  const csv = `code,cohort\n${imported[0]},${cohortNames[0]}\n${imported[1]},${cohortNames[1]}\n`;
  const upload = await agent
    .post(`/api/studies/${studyId}/participants/import`)
    .attach('file', Buffer.from(csv), 'enrol.csv')
    .expect(201);
  const participants = [one.body, generated.body, ...upload.body.items] as { id: string; code: string }[];
  const invitations = [
    await agent
      .post(`/api/studies/${studyId}/invitations`)
      .send({ participantId: participants[0].id, timepointId: timepointIds[0] })
      .expect(201),
    await agent
      .post(`/api/studies/${studyId}/invitations`)
      .send({ participantId: participants[1].id, timepointId: timepointIds[1], sessionNumber: 1 })
      .expect(201),
  ];
  return {
    studyId,
    title,
    cohortIds,
    cohortNames,
    timepointIds,
    participantIds: participants.map((p) => p.id),
    participantCodes: participants.map((p) => p.code),
    invitationIds: invitations.map((r) => r.body.id as string),
    invitationTokens: invitations.map((r) => (r.body.url as string).split('/').pop() as string),
  };
}

/** Every one of `secrets` absent from the raw response text (headers included, for good measure). */
function leaked(response: Response, secrets: string[]): string[] {
  const raw = `${JSON.stringify(response.headers)}\n${response.text ?? ''}`.toLowerCase();
  return secrets.filter((value) => raw.includes(value.toLowerCase()));
}

/** The error body without the per-request correlation id, with the values we sent replaced by a placeholder. */
function comparable(response: Response, sent: string[]): unknown {
  let text = response.text;
  for (const value of sent) text = text.split(value).join('<sent>');
  const body = JSON.parse(text) as Record<string, unknown>;
  delete body.correlationId;
  return { status: response.status, body };
}

type Call = (agent: TestAgent, ids: { a: World; b: World }) => Promise<Response>;

interface Case {
  name: string;
  call: Call;
  /**
   * `denied`: 404 or 403. `empty`: a list route answering only the caller's own (here: none of B's) rows.
   * `as-unknown`: a foreign id in the body; the answer must be byte for byte the one for an id that exists nowhere
   * (the `probe` call), so it cannot tell B's ids from random ones.
   */
  expect: 'denied' | 'empty' | 'own-only' | 'as-unknown';
  probe?: Call;
  /** Who calls: A's researcher (default) or, for practitioner-only routes, A's practitioner. */
  as?: 'practitioner';
  /** Values the request itself carries, which an error message may legitimately echo. */
  sent?: (ids: { a: World; b: World }) => string[];
}

const validStudy = {
  title: 'Hijack',
  languages: ['en'],
  withdrawalPolicy: 'erase_link',
  consentText: { en: 'c' },
};
const validProtocol = {
  timepoints: [
    {
      key: 'hijack',
      label: { nl: 'x', en: 'x' },
      kind: 'end',
      offsetDays: 1,
      instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
    },
  ],
};
/** What the probes send instead of B's values: ids and names that exist nowhere. */
const UNKNOWN_ID = randomUUID();
const UNKNOWN_NAME = 'no-such-cohort-anywhere';
const csvFile = (rows: string) => Buffer.from(`code,cohort\n${rows}\n`);

/** Route (as in the OpenAPI document) → the calls that try it with B's ids. */
const ROUTES: Record<string, Case[]> = {
  'GET /api/studies': [{ name: 'list', expect: 'own-only', call: (a) => a.get('/api/studies') }],
  'POST /api/studies': [
    // Takes no id at all: the new study is A's and the answer holds nothing of B.
    {
      name: 'create (no id to forge)',
      expect: 'own-only',
      call: (a) => a.post('/api/studies').send(validStudy),
    },
  ],
  'GET /api/studies/{studyId}': [
    { name: "B's study", expect: 'denied', call: (a, { b }) => a.get(`/api/studies/${b.studyId}`) },
  ],
  'PATCH /api/studies/{studyId}': [
    {
      name: "rename B's study",
      expect: 'denied',
      call: (a, { b }) => a.patch(`/api/studies/${b.studyId}`).send({ title: 'Hijack' }),
    },
    {
      name: "close B's study",
      expect: 'denied',
      call: (a, { b }) => a.patch(`/api/studies/${b.studyId}`).send({ status: 'closed' }),
    },
  ],
  'GET /api/studies/{studyId}/consent-versions': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/consent-versions`),
    },
  ],
  'POST /api/studies/{studyId}/consent-versions': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) =>
        a.post(`/api/studies/${b.studyId}/consent-versions`).send({ text: { nl: 'x', en: 'x' } }),
    },
  ],
  'GET /api/studies/{studyId}/cohorts': [
    { name: "B's study", expect: 'denied', call: (a, { b }) => a.get(`/api/studies/${b.studyId}/cohorts`) },
  ],
  'POST /api/studies/{studyId}/cohorts': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.post(`/api/studies/${b.studyId}/cohorts`).send({ name: 'Hijack' }),
    },
  ],
  'GET /api/studies/{studyId}/cohorts/{cohortId}': [
    {
      name: "B's study, B's cohort",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/cohorts/${b.cohortIds[0]}`),
    },
    {
      name: "A's study, B's cohort",
      expect: 'denied',
      call: (a, { a: w, b }) => a.get(`/api/studies/${w.studyId}/cohorts/${b.cohortIds[0]}`),
    },
  ],
  'PATCH /api/studies/{studyId}/cohorts/{cohortId}': [
    {
      name: "B's study, B's cohort",
      expect: 'denied',
      call: (a, { b }) =>
        a.patch(`/api/studies/${b.studyId}/cohorts/${b.cohortIds[0]}`).send({ name: 'Hijack' }),
    },
    {
      name: "A's study, B's cohort",
      expect: 'denied',
      call: (a, { a: w, b }) =>
        a.patch(`/api/studies/${w.studyId}/cohorts/${b.cohortIds[0]}`).send({ name: 'Hijack' }),
    },
  ],
  'PUT /api/studies/{studyId}/cohorts/{cohortId}/safety-contact': [
    {
      name: "B's study, B's cohort",
      expect: 'denied',
      call: (a, { b }) =>
        a.put(`/api/studies/${b.studyId}/cohorts/${b.cohortIds[0]}/safety-contact`).send({ userId: null }),
    },
    {
      name: "A's study, B's cohort",
      expect: 'denied',
      call: (a, { a: w, b }) =>
        a.put(`/api/studies/${w.studyId}/cohorts/${b.cohortIds[0]}/safety-contact`).send({ userId: null }),
    },
  ],
  'GET /api/studies/{studyId}/protocol': [
    { name: "B's study", expect: 'denied', call: (a, { b }) => a.get(`/api/studies/${b.studyId}/protocol`) },
  ],
  'PUT /api/studies/{studyId}/protocol': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.put(`/api/studies/${b.studyId}/protocol`).send(validProtocol),
    },
  ],
  'GET /api/studies/{studyId}/analyses/correlations': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/analyses/correlations`),
    },
    {
      name: "A's study, B's cohort",
      expect: 'denied',
      call: (a, { a: w, b }) =>
        a.get(`/api/studies/${w.studyId}/analyses/correlations?cohortId=${b.cohortIds[0]}`),
    },
  ],
  'GET /api/studies/{studyId}/analyses/within-person': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/analyses/within-person?x=alliance&y=checkin`),
    },
  ],
  'GET /api/studies/{studyId}/analyses/change': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/analyses/change?instrument=phq-9`),
    },
  ],
  'GET /api/studies/{studyId}/analyses/dyads': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/analyses/dyads`),
    },
    {
      name: "A's study, B's cohort",
      expect: 'denied',
      call: (a, { a: w, b }) => a.get(`/api/studies/${w.studyId}/analyses/dyads?cohortId=${b.cohortIds[0]}`),
    },
  ],
  'GET /api/studies/{studyId}/analyses/scatter': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/analyses/scatter?x=alliance&y=phq9.change`),
    },
    {
      name: "A's study, B's timepoint",
      expect: 'denied',
      call: (a, { a: w, b }) =>
        a.get(`/api/studies/${w.studyId}/analyses/scatter?timepointId=${b.timepointIds[0]}`),
    },
  ],
  'GET /api/studies/{studyId}/analyses/trajectories': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/analyses/trajectories?variable=alliance`),
    },
    {
      name: "A's study, B's cohort",
      expect: 'denied',
      call: (a, { a: w, b }) =>
        a.get(`/api/studies/${w.studyId}/analyses/trajectories?cohortId=${b.cohortIds[0]}`),
    },
  ],
  'GET /api/studies/{studyId}/analyses/scale-quality': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/analyses/scale-quality`),
    },
    {
      name: "A's study, B's timepoint",
      expect: 'denied',
      call: (a, { a: w, b }) =>
        a.get(`/api/studies/${w.studyId}/analyses/scale-quality?timepointId=${b.timepointIds[0]}`),
    },
  ],
  'GET /api/studies/{studyId}/analyses/alerts': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/analyses/alerts`),
    },
    {
      name: "A's study, B's cohort",
      expect: 'denied',
      call: (a, { a: w, b }) => a.get(`/api/studies/${w.studyId}/analyses/alerts?cohortId=${b.cohortIds[0]}`),
    },
  ],
  'GET /api/studies/{studyId}/comparison': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/comparison`),
    },
  ],
  'POST /api/studies/{studyId}/exports': [
    { name: "B's study", expect: 'denied', call: (a, { b }) => a.post(`/api/studies/${b.studyId}/exports`).send({}) },
  ],
  'GET /api/studies/{studyId}/exports': [
    { name: "B's study", expect: 'denied', call: (a, { b }) => a.get(`/api/studies/${b.studyId}/exports`) },
  ],
  'GET /api/studies/{studyId}/exports/{exportId}': [
    {
      name: "B's study, an export id",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/exports/${UNKNOWN_ID}`),
    },
  ],
  'GET /api/studies/{studyId}/exports/{exportId}/files/{fileName}': [
    {
      name: "B's study, an export file",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/exports/${UNKNOWN_ID}/files/klik-long.csv`),
    },
  ],
  'GET /api/studies/{studyId}/participants': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/participants`),
    },
    {
      name: "A's study (own rows only)",
      expect: 'own-only',
      call: (a, { a: w }) => a.get(`/api/studies/${w.studyId}/participants`),
    },
  ],
  'POST /api/studies/{studyId}/participants': [
    {
      name: "B's study, B's cohort",
      expect: 'denied',
      call: (a, { b }) => a.post(`/api/studies/${b.studyId}/participants`).send({ cohortId: b.cohortIds[0] }),
    },
    {
      name: "A's study, B's cohort",
      expect: 'as-unknown',
      call: (a, { a: w, b }) =>
        a.post(`/api/studies/${w.studyId}/participants`).send({ cohortId: b.cohortIds[0] }),
      probe: (a, { a: w }) => a.post(`/api/studies/${w.studyId}/participants`).send({ cohortId: UNKNOWN_ID }),
    },
    {
      name: "A's study and cohort, B's practitioner",
      expect: 'as-unknown',
      call: (a, { a: w }) =>
        a
          .post(`/api/studies/${w.studyId}/participants`)
          .send({ cohortId: w.cohortIds[0], practitionerId: bPractitionerId }),
      probe: (a, { a: w }) =>
        a
          .post(`/api/studies/${w.studyId}/participants`)
          .send({ cohortId: w.cohortIds[0], practitionerId: UNKNOWN_ID }),
    },
  ],
  'POST /api/studies/{studyId}/participants/import': [
    {
      name: "B's study, B's cohort",
      expect: 'denied',
      call: (a, { b }) =>
        a
          .post(`/api/studies/${b.studyId}/participants/import`)
          .attach('file', csvFile(`,${b.cohortNames[0]}`), 'x.csv'),
    },
    {
      name: "A's study, B's cohort by name",
      expect: 'as-unknown',
      sent: ({ b }) => [b.cohortNames[0]],
      call: (a, { a: w, b }) =>
        a
          .post(`/api/studies/${w.studyId}/participants/import`)
          .attach('file', csvFile(`,${b.cohortNames[0]}`), 'x.csv'),
      probe: (a, { a: w }) =>
        a
          .post(`/api/studies/${w.studyId}/participants/import`)
          .attach('file', csvFile(`,${UNKNOWN_NAME}`), 'x.csv'),
    },
    {
      name: "A's study, B's cohort by id",
      expect: 'as-unknown',
      sent: ({ b }) => [b.cohortIds[0]],
      call: (a, { a: w, b }) =>
        a
          .post(`/api/studies/${w.studyId}/participants/import`)
          .attach('file', csvFile(`,${b.cohortIds[0]}`), 'x.csv'),
      probe: (a, { a: w }) =>
        a
          .post(`/api/studies/${w.studyId}/participants/import`)
          .attach('file', csvFile(`,${UNKNOWN_ID}`), 'x.csv'),
    },
  ],
  'GET /api/studies/{studyId}/participants/{participantId}': [
    {
      name: "B's study, B's participant",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/participants/${b.participantIds[0]}`),
    },
    {
      name: "A's study, B's participant",
      expect: 'denied',
      call: (a, { a: w, b }) => a.get(`/api/studies/${w.studyId}/participants/${b.participantIds[0]}`),
    },
  ],
  'GET /api/studies/{studyId}/participants/{participantId}/responses': [
    {
      name: "B's study, B's participant",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/participants/${b.participantIds[0]}/responses`),
    },
    {
      name: "A's study, B's participant",
      expect: 'denied',
      call: (a, { a: w, b }) =>
        a.get(`/api/studies/${w.studyId}/participants/${b.participantIds[0]}/responses`),
    },
  ],
  'GET /api/studies/{studyId}/participants/{participantId}/dyads': [
    {
      name: "B's study, B's participant",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/participants/${b.participantIds[0]}/dyads`),
    },
    {
      name: "A's study, B's participant",
      expect: 'denied',
      call: (a, { a: w, b }) => a.get(`/api/studies/${w.studyId}/participants/${b.participantIds[0]}/dyads`),
    },
  ],
  'POST /api/studies/{studyId}/participants/{participantId}/session-logs': [
    {
      name: "B's study, B's participant (as A's practitioner)",
      as: 'practitioner',
      expect: 'denied',
      call: (a, { b }) =>
        a
          .post(`/api/studies/${b.studyId}/participants/${b.participantIds[0]}/session-logs`)
          .send({ sessionNumber: 1, language: 'en', responses: {} }),
    },
    {
      name: "A's study, B's participant (as A's practitioner)",
      as: 'practitioner',
      expect: 'denied',
      call: (a, { a: w, b }) =>
        a
          .post(`/api/studies/${w.studyId}/participants/${b.participantIds[0]}/session-logs`)
          .send({ sessionNumber: 1, language: 'en', responses: {} }),
    },
  ],
  'POST /api/studies/{studyId}/participants/{participantId}/withdraw': [
    {
      name: "B's study, B's participant",
      expect: 'denied',
      call: (a, { b }) => a.post(`/api/studies/${b.studyId}/participants/${b.participantIds[0]}/withdraw`),
    },
    {
      name: "A's study, B's participant",
      expect: 'denied',
      call: (a, { a: w, b }) =>
        a.post(`/api/studies/${w.studyId}/participants/${b.participantIds[0]}/withdraw`),
    },
  ],
  'GET /api/studies/{studyId}/invitations': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/invitations`),
    },
    {
      name: "A's study filtered by B's participant",
      expect: 'empty',
      call: (a, { a: w, b }) =>
        a.get(`/api/studies/${w.studyId}/invitations?participantId=${b.participantIds[0]}`),
    },
    {
      name: "A's study filtered by B's timepoint",
      expect: 'empty',
      call: (a, { a: w, b }) =>
        a.get(`/api/studies/${w.studyId}/invitations?timepointId=${b.timepointIds[0]}`),
    },
  ],
  'POST /api/studies/{studyId}/invitations': [
    {
      name: "B's study, participant and timepoint",
      expect: 'denied',
      call: (a, { b }) =>
        a
          .post(`/api/studies/${b.studyId}/invitations`)
          .send({ participantId: b.participantIds[0], timepointId: b.timepointIds[0] }),
    },
    {
      name: "A's study, B's participant",
      expect: 'as-unknown',
      call: (a, { a: w, b }) =>
        a
          .post(`/api/studies/${w.studyId}/invitations`)
          .send({ participantId: b.participantIds[0], timepointId: w.timepointIds[0] }),
      probe: (a, { a: w }) =>
        a
          .post(`/api/studies/${w.studyId}/invitations`)
          .send({ participantId: UNKNOWN_ID, timepointId: w.timepointIds[0] }),
    },
    {
      name: "A's study and participant, B's timepoint",
      expect: 'as-unknown',
      call: (a, { a: w, b }) =>
        a
          .post(`/api/studies/${w.studyId}/invitations`)
          .send({ participantId: w.participantIds[2], timepointId: b.timepointIds[0] }),
      probe: (a, { a: w }) =>
        a
          .post(`/api/studies/${w.studyId}/invitations`)
          .send({ participantId: w.participantIds[2], timepointId: UNKNOWN_ID }),
    },
  ],
  'POST /api/studies/{studyId}/invitations/batch': [
    {
      name: "B's study and timepoint",
      expect: 'denied',
      call: (a, { b }) => a.post(`/api/studies/${b.studyId}/invitations/batch`).send({ timepointId: b.timepointIds[0] }),
    },
    {
      name: "A's study, B's timepoint",
      expect: 'as-unknown',
      call: (a, { a: w, b }) =>
        a.post(`/api/studies/${w.studyId}/invitations/batch`).send({ timepointId: b.timepointIds[0] }),
      probe: (a, { a: w }) => a.post(`/api/studies/${w.studyId}/invitations/batch`).send({ timepointId: UNKNOWN_ID }),
    },
    {
      name: "A's study, B's participant",
      expect: 'as-unknown',
      call: (a, { a: w, b }) =>
        a
          .post(`/api/studies/${w.studyId}/invitations/batch`)
          .send({ timepointId: w.timepointIds[0], participantIds: [b.participantIds[0]] }),
      probe: (a, { a: w }) =>
        a
          .post(`/api/studies/${w.studyId}/invitations/batch`)
          .send({ timepointId: w.timepointIds[0], participantIds: [UNKNOWN_ID] }),
    },
  ],
  'POST /api/studies/{studyId}/invitations/{invitationId}/revoke': [
    {
      name: "B's study, B's invitation",
      expect: 'denied',
      call: (a, { b }) => a.post(`/api/studies/${b.studyId}/invitations/${b.invitationIds[0]}/revoke`),
    },
    {
      name: "A's study, B's invitation",
      expect: 'denied',
      call: (a, { a: w, b }) => a.post(`/api/studies/${w.studyId}/invitations/${b.invitationIds[0]}/revoke`),
    },
  ],
  'GET /api/studies/{studyId}/participants/{participantId}/contact': [
    {
      name: "B's study, B's participant",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/participants/${b.participantIds[0]}/contact`),
    },
    {
      name: "A's study, B's participant",
      expect: 'denied',
      call: (a, { a: w, b }) => a.get(`/api/studies/${w.studyId}/participants/${b.participantIds[0]}/contact`),
    },
  ],
  'PUT /api/studies/{studyId}/participants/{participantId}/contact': [
    {
      name: "B's study, B's participant",
      expect: 'denied',
      call: (a, { b }) =>
        a.put(`/api/studies/${b.studyId}/participants/${b.participantIds[0]}/contact`).send({ email: 'x@example.test' }),
    },
    {
      name: "A's study, B's participant",
      expect: 'denied',
      call: (a, { a: w, b }) =>
        a.put(`/api/studies/${w.studyId}/participants/${b.participantIds[0]}/contact`).send({ email: 'x@example.test' }),
    },
  ],
  'DELETE /api/studies/{studyId}/participants/{participantId}/contact': [
    {
      name: "B's study, B's participant",
      expect: 'denied',
      call: (a, { b }) => a.delete(`/api/studies/${b.studyId}/participants/${b.participantIds[0]}/contact`),
    },
    {
      name: "A's study, B's participant",
      expect: 'denied',
      call: (a, { a: w, b }) => a.delete(`/api/studies/${w.studyId}/participants/${b.participantIds[0]}/contact`),
    },
  ],
  'GET /api/studies/{studyId}/timepoints/{timepointId}/schedule': [
    {
      name: "B's study, B's timepoint",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/timepoints/${b.timepointIds[0]}/schedule`),
    },
    {
      name: "A's study, B's timepoint",
      expect: 'denied',
      call: (a, { a: w, b }) => a.get(`/api/studies/${w.studyId}/timepoints/${b.timepointIds[0]}/schedule`),
    },
  ],
  'PUT /api/studies/{studyId}/timepoints/{timepointId}/schedule': [
    {
      name: "B's study, B's timepoint",
      expect: 'denied',
      call: (a, { b }) =>
        a
          .put(`/api/studies/${b.studyId}/timepoints/${b.timepointIds[0]}/schedule`)
          .send({ enabled: true, inviteOffsetDays: 0, reminderDays: [3] }),
    },
    {
      name: "A's study, B's timepoint",
      expect: 'denied',
      call: (a, { a: w, b }) =>
        a
          .put(`/api/studies/${w.studyId}/timepoints/${b.timepointIds[0]}/schedule`)
          .send({ enabled: true, inviteOffsetDays: 0, reminderDays: [3] }),
    },
  ],
  'GET /api/studies/{studyId}/outbox': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/outbox`),
    },
    {
      name: "A's study filtered by B's participant",
      expect: 'empty',
      call: (a, { a: w, b }) => a.get(`/api/studies/${w.studyId}/outbox?participantId=${b.participantIds[0]}`),
    },
  ],
  'POST /api/studies/{studyId}/outbox/run': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.post(`/api/studies/${b.studyId}/outbox/run`),
    },
  ],
  'GET /api/studies/{studyId}/monitoring': [
    {
      name: "B's study",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/monitoring`),
    },
    {
      name: "A's study, B's cohort",
      expect: 'denied',
      call: (a, { a: w, b }) => a.get(`/api/studies/${w.studyId}/monitoring?cohortId=${b.cohortIds[0]}`),
    },
    {
      name: "A's study, B's timepoint",
      expect: 'denied',
      call: (a, { a: w, b }) => a.get(`/api/studies/${w.studyId}/monitoring?timepointId=${b.timepointIds[0]}`),
    },
  ],
  'GET /api/studies/{studyId}/participants/{participantId}/timeline': [
    {
      name: "B's study, B's participant",
      expect: 'denied',
      call: (a, { b }) => a.get(`/api/studies/${b.studyId}/participants/${b.participantIds[0]}/timeline`),
    },
    {
      name: "A's study, B's participant",
      expect: 'denied',
      call: (a, { a: w, b }) => a.get(`/api/studies/${w.studyId}/participants/${b.participantIds[0]}/timeline`),
    },
  ],
};

let bPractitionerId = '';

describe('tenancy: institution A cannot reach institution B', () => {
  let t: TestApp;
  let instA: SeededInstitution;
  let instB: SeededInstitution;
  let a: TestAgent;
  let b: TestAgent;
  let aPractitioner: TestAgent;
  let worlds: { a: World; b: World };
  let bSecrets: string[];

  const countB = async () => {
    const [row] = (await t.dataSource.query(
      `SELECT (SELECT count(*) FROM studies WHERE institution_id = $1)::int AS studies,
              (SELECT count(*) FROM cohorts WHERE institution_id = $1)::int AS cohorts,
              (SELECT count(*) FROM consent_versions WHERE institution_id = $1)::int AS consents,
              (SELECT count(*) FROM timepoints WHERE institution_id = $1)::int AS timepoints,
              (SELECT count(*) FROM participants WHERE institution_id = $1)::int AS participants,
              (SELECT count(*) FROM participants WHERE institution_id = $1 AND status = 'active')::int AS active,
              (SELECT count(*) FROM invitations WHERE institution_id = $1 AND status = 'open')::int AS open_invitations,
              (SELECT string_agg(name, ',' ORDER BY name) FROM cohorts WHERE institution_id = $1) AS cohort_names,
              (SELECT string_agg(title::text || status, ',') FROM studies WHERE institution_id = $1) AS studies_state`,
      [instB.institution.id],
    )) as Record<string, unknown>[];
    return row;
  };

  beforeAll(async () => {
    t = await createTestApp();
    instA = await seedInstitution(t.dataSource, unique('tenant-a'));
    instB = await seedInstitution(t.dataSource, unique('tenant-b'));
    bPractitionerId = instB.users.practitioner.user.id;
    a = t.agent();
    b = t.agent();
    await login(a, instA.users.researcher.email);
    await login(b, instB.users.researcher.email);
    aPractitioner = t.agent();
    await login(aPractitioner, instA.users.practitioner.email);
    worlds = {
      a: await buildWorld(a, 'A', instA.users.practitioner.user.id),
      b: await buildWorld(b, 'B', instB.users.practitioner.user.id),
    };
    const w = worlds.b;
    bSecrets = [
      w.studyId,
      w.title,
      ...w.cohortIds,
      ...w.cohortNames,
      ...w.timepointIds,
      ...w.participantIds,
      ...w.participantCodes,
      ...w.invitationIds,
      ...w.invitationTokens,
      instB.institution.id,
      instB.institution.name,
      ...Object.values(instB.users).flatMap((u) => [u.user.id, u.email]),
    ];
  });
  afterAll(() => t.close());

  it('the route table covers every route under /api/studies in the OpenAPI document, and nothing else', async () => {
    const document = (await a.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths)
      .filter(([path]) => path === '/api/studies' || path.startsWith('/api/studies/'))
      .flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(documented.length).toBeGreaterThanOrEqual(17);
    expect(Object.keys(ROUTES).sort()).toEqual(documented);
    for (const cases of Object.values(ROUTES)) expect(cases.length).toBeGreaterThan(0);
  });

  it('the worlds are real: B sees its own data, so the 404s below are about tenancy, not missing rows', async () => {
    const w = worlds.b;
    await b.get(`/api/studies/${w.studyId}`).expect(200);
    await b.get(`/api/studies/${w.studyId}/cohorts/${w.cohortIds[0]}`).expect(200);
    await b.get(`/api/studies/${w.studyId}/participants/${w.participantIds[0]}`).expect(200);
    const invitations = await b.get(`/api/studies/${w.studyId}/invitations`).expect(200);
    expect(invitations.body.items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining(w.invitationIds),
    );
    expect(worlds.a.participantIds).toHaveLength(4);
    expect(w.participantIds).toHaveLength(4);
  });

  const table = Object.entries(ROUTES).flatMap(([route, cases]) =>
    cases.map((c) => [route, c.name, c] as const),
  );

  it.each(table)('%s — %s', async (_route, _name, c) => {
    const before = await countB();
    const response = await c.call(c.as === 'practitioner' ? aPractitioner : a, worlds);
    const sent = c.sent?.(worlds) ?? [];
    switch (c.expect) {
      case 'denied':
        expect([403, 404]).toContain(response.status);
        expect(response.body.code).toMatch(/^(not_found|forbidden)$/);
        break;
      case 'empty':
        expect(response.status).toBe(200);
        expect(response.body.items).toEqual([]);
        break;
      case 'own-only':
        expect(response.status).toBeLessThan(300);
        break;
      case 'as-unknown': {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const probe = await (c.probe as Call)(a, worlds);
        expect(comparable(response, sent)).toEqual(comparable(probe, [UNKNOWN_ID, UNKNOWN_NAME]));
        break;
      }
    }
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(
      leaked(
        response,
        bSecrets.filter((value) => !sent.includes(value)),
      ),
    ).toEqual([]);
    expect(await countB()).toEqual(before);
  });

  it("B's data is untouched after all of the above", async () => {
    const w = worlds.b;
    const study = await b.get(`/api/studies/${w.studyId}`).expect(200);
    expect(study.body).toMatchObject({ title: { nl: w.title, en: w.title }, status: 'recruiting', currentConsentVersion: 1 });
    const cohorts = await b.get(`/api/studies/${w.studyId}/cohorts`).expect(200);
    expect(cohorts.body.items.map((c: { name: string }) => c.name).sort()).toEqual([...w.cohortNames].sort());
    const protocol = await b.get(`/api/studies/${w.studyId}/protocol`).expect(200);
    expect(protocol.body.timepoints.map((tp: { id: string }) => tp.id)).toEqual(w.timepointIds);
    const invitations = await b.get(`/api/studies/${w.studyId}/invitations`).expect(200);
    expect(invitations.body.items.map((i: { status: string }) => i.status)).toEqual(['open', 'open']);
    const participants = await b.get(`/api/studies/${w.studyId}/participants`).expect(200);
    expect(participants.body.total).toBe(4);
  });

  it("A's own lists hold none of B's data (studies, cohorts, protocol, participants, invitations)", async () => {
    const w = worlds.a;
    for (const path of [
      '/api/studies',
      `/api/studies/${w.studyId}`,
      `/api/studies/${w.studyId}/cohorts`,
      `/api/studies/${w.studyId}/consent-versions`,
      `/api/studies/${w.studyId}/protocol`,
      `/api/studies/${w.studyId}/participants?limit=1000`,
      `/api/studies/${w.studyId}/invitations`,
      '/api/users',
    ]) {
      const response = await a.get(path).expect(200);
      expect({ path, leaked: leaked(response, bSecrets) }).toEqual({ path, leaked: [] });
    }
    const studies = await a.get('/api/studies').expect(200);
    expect(
      studies.body.items.every(
        (s: { ownerInstitutionId: string }) => s.ownerInstitutionId === instA.institution.id,
      ),
    ).toBe(true);
  });

  it("outside /api/studies: A's admin cannot change a role in B or switch into B", async () => {
    const admin = t.agent();
    await login(admin, instA.users.institution_admin.email);
    const role = await admin
      .patch(`/api/users/${instB.users.researcher.user.id}/role`)
      .send({ role: 'practitioner' })
      .expect(404);
    expect(leaked(role, bSecrets)).toEqual([]);
    const membership = (await t.dataSource.query(`SELECT role FROM memberships WHERE user_id = $1`, [
      instB.users.researcher.user.id,
    ])) as {
      role: string;
    }[];
    expect(membership).toEqual([{ role: 'researcher' }]);
    const sw = await admin
      .post('/api/auth/switch-institution')
      .send({ institutionId: instB.institution.id })
      .expect(404);
    expect(sw.body.code).toBe('not_found');
  });
});

describe('tenancy: a partner institution running a cohort in another institution’s study', () => {
  let t: TestApp;
  let instA: SeededInstitution;
  let instC: SeededInstitution;
  let a: TestAgent;
  let c: TestAgent;
  let studyId: string;
  let aCohortIds: string[];
  let timepointIds: string[];
  let cCohortId: string;
  let aParticipant: { id: string; code: string };
  let aInvitationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    instA = await seedInstitution(t.dataSource, unique('owner'));
    instC = await seedInstitution(t.dataSource, unique('partner'));
    a = t.agent();
    c = t.agent();
    await login(a, instA.users.researcher.email);
    await login(c, instC.users.researcher.email);
    ({
      studyId,
      cohortIds: aCohortIds,
      timepointIds,
    } = await createRecruitingStudy(a, secret('partnered study')));
    const cohort = await a
      .post(`/api/studies/${studyId}/cohorts`)
      .send({ name: 'Partner site', institutionId: instC.institution.id })
      .expect(201);
    expect(cohort.body).toMatchObject({
      institutionId: instC.institution.id,
      institutionName: instC.institution.name,
    });
    cCohortId = cohort.body.id;
    aParticipant = (
      await a
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: aCohortIds[0], code: secret('OWN') })
        .expect(201)
    ).body;
    aInvitationId = (
      await a
        .post(`/api/studies/${studyId}/invitations`)
        .send({ participantId: aParticipant.id, timepointId: timepointIds[0] })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('sees the study (not as owner) and only its own cohort', async () => {
    const study = await c.get(`/api/studies/${studyId}`).expect(200);
    expect(study.body).toMatchObject({ id: studyId, owned: false, ownerInstitutionId: instA.institution.id });
    const list = await c.get('/api/studies').expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([studyId]);
    const cohorts = await c.get(`/api/studies/${studyId}/cohorts`).expect(200);
    expect(cohorts.body.items.map((x: { id: string }) => x.id)).toEqual([cCohortId]);
    expect(cohorts.text).not.toContain(aCohortIds[0]);
    await c.get(`/api/studies/${studyId}/cohorts/${aCohortIds[0]}`).expect(404);
    await c.get(`/api/studies/${studyId}/protocol`).expect(200);
    await c.get(`/api/studies/${studyId}/consent-versions`).expect(200);
  });

  it("enrols and invites into its own cohort, but not into the owner's", async () => {
    const mine = await c
      .post(`/api/studies/${studyId}/participants`)
      .send({ cohortId: cCohortId })
      .expect(201);
    expect(mine.body.cohortId).toBe(cCohortId);
    const other = await c
      .post(`/api/studies/${studyId}/participants`)
      .send({ cohortId: aCohortIds[0] })
      .expect(400);
    expect(other.body.errors[0].field).toBe('cohortId');
    const upload = await c
      .post(`/api/studies/${studyId}/participants/import`)
      .attach('file', Buffer.from(`cohort\nPartner site\n${cCohortId}\n`), 'c.csv')
      .expect(201);
    expect(upload.body.created).toBe(2);
    await c
      .post(`/api/studies/${studyId}/invitations`)
      .send({ participantId: mine.body.id, timepointId: timepointIds[0] })
      .expect(201);
    const [row] = (await t.dataSource.query(`SELECT institution_id FROM participants WHERE id = $1`, [
      mine.body.id,
    ])) as {
      institution_id: string;
    }[];
    expect(row.institution_id).toBe(instC.institution.id);
  });

  it("cannot see or touch the owner's participants and invitations (nor the owner the partner's)", async () => {
    const list = await c.get(`/api/studies/${studyId}/participants`).expect(200);
    expect(list.body.items.every((p: { cohortId: string }) => p.cohortId === cCohortId)).toBe(true);
    expect(list.text).not.toContain(aParticipant.id);
    expect(list.text).not.toContain(aParticipant.code);
    await c.get(`/api/studies/${studyId}/participants/${aParticipant.id}`).expect(404);
    const invitations = await c.get(`/api/studies/${studyId}/invitations`).expect(200);
    expect(invitations.text).not.toContain(aInvitationId);
    await c.post(`/api/studies/${studyId}/invitations/${aInvitationId}/revoke`).expect(404);
    await c
      .post(`/api/studies/${studyId}/invitations`)
      .send({ participantId: aParticipant.id, timepointId: timepointIds[0] })
      .expect(400);
    const ownerView = await a.get(`/api/studies/${studyId}/participants`).expect(200);
    expect(ownerView.body.items.map((p: { id: string }) => p.id)).toEqual([aParticipant.id]);
  });

  it('cannot change the study: PATCH, consent, protocol and new cohorts are 403', async () => {
    const patch = await c.patch(`/api/studies/${studyId}`).send({ title: 'Partner edit' }).expect(403);
    expect(patch.body.code).toBe('forbidden');
    await c.patch(`/api/studies/${studyId}`).send({ status: 'closed' }).expect(403);
    await c
      .post(`/api/studies/${studyId}/consent-versions`)
      .send({ text: { nl: 'x', en: 'x' } })
      .expect(403);
    await c.put(`/api/studies/${studyId}/protocol`).send(validProtocol).expect(403);
    await c.post(`/api/studies/${studyId}/cohorts`).send({ name: 'Another partner site' }).expect(403);
    const study = await a.get(`/api/studies/${studyId}`).expect(200);
    expect(study.body.status).toBe('recruiting');
    expect(study.body.title).not.toBe('Partner edit');
  });
});

describe('tenancy: practitioners see only their own clients', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let studyId: string;
  let timepointIds: string[];
  let mine: { id: string; code: string }[];
  let theirs: { id: string; code: string }[];
  let unassigned: { id: string; code: string };
  let p1: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource, unique('practice'));
    const second = await addStaff(t.dataSource, inst.institution.id, 'practitioner');
    const researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
    let cohortIds: string[];
    ({ studyId, cohortIds, timepointIds } = await createRecruitingStudy(researcher));
    const enrol = async (practitionerId?: string) =>
      (
        await researcher
          .post(`/api/studies/${studyId}/participants`)
          .send({ cohortId: cohortIds[0], practitionerId })
          .expect(201)
      ).body;
    mine = [await enrol(inst.users.practitioner.user.id), await enrol(inst.users.practitioner.user.id)];
    theirs = [await enrol(second.user.id)];
    unassigned = await enrol();
    for (const participant of [...mine, ...theirs, unassigned]) {
      await researcher
        .post(`/api/studies/${studyId}/invitations`)
        .send({ participantId: participant.id, timepointId: timepointIds[0] })
        .expect(201);
    }
    p1 = t.agent();
    await login(p1, inst.users.practitioner.email);
  });
  afterAll(() => t.close());

  it('lists only their own clients, and a colleague’s client is a 404', async () => {
    const list = await p1.get(`/api/studies/${studyId}/participants`).expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((p: { id: string }) => p.id).sort()).toEqual(mine.map((p) => p.id).sort());
    for (const other of [...theirs, unassigned]) {
      expect(list.text).not.toContain(other.code);
      const one = await p1.get(`/api/studies/${studyId}/participants/${other.id}`).expect(404);
      expect(one.text).not.toContain(other.code);
    }
    await p1.get(`/api/studies/${studyId}/participants/${mine[0].id}`).expect(200);
  });

  it("lists only their own clients' invitations, even when filtering by another client", async () => {
    const list = await p1.get(`/api/studies/${studyId}/invitations`).expect(200);
    expect(list.body.items.map((i: { participantId: string }) => i.participantId).sort()).toEqual(
      mine.map((p) => p.id).sort(),
    );
    const filtered = await p1
      .get(`/api/studies/${studyId}/invitations?participantId=${theirs[0].id}`)
      .expect(200);
    expect(filtered.body.items).toEqual([]);
  });

  it('cannot enrol, import, invite or revoke (403)', async () => {
    await p1.post(`/api/studies/${studyId}/participants`).send({ cohortId: UNKNOWN_ID }).expect(403);
    await p1
      .post(`/api/studies/${studyId}/participants/import`)
      .attach('file', Buffer.from('cohort\nSite A\n'), 'p.csv')
      .expect(403);
    await p1
      .post(`/api/studies/${studyId}/invitations`)
      .send({ participantId: mine[0].id, timepointId: timepointIds[0] })
      .expect(403);
    await p1.post(`/api/studies/${studyId}/invitations/${UNKNOWN_ID}/revoke`).expect(403);
  });
});
