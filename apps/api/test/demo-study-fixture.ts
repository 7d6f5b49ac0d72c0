import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import type { DemoDataPlan } from '../src/demo/demo-data';
import { type DemoDataTarget, writeDemoData } from '../src/demo/demo-data.writer';
import { DEMO_STUDY } from '../src/demo/demo-study';
import { Membership } from '../src/institutions/membership.entity';
import { ScoredResponseWriter } from '../src/responses/scored-response.writer';
import type { WithdrawalPolicy } from '../src/studies/study.entity';
import { User } from '../src/users/user.entity';
import { type TestApp, unique } from './test-app';

/** One timepoint as `PUT /api/studies/:id/protocol` takes it. */
export interface ProtocolTimepoint {
  key: string;
  label: { nl: string; en: string };
  kind: string;
  offsetDays?: number | null;
  instruments: { instrumentId: string; instrumentVersion: string; respondent: string }[];
}

/**
 * The demo study's protocol up to the end of treatment (baseline PHQ-9 and GAD-7; per session the check-in,
 * alliance, disclosure and the practitioner's session log; at the end PHQ-9, GAD-7 and alliance): the timepoints
 * `generateDemoData` plans answers for. The demo's own follow-up is left out because the generator never answers it.
 */
export const DEMO_PROTOCOL: ProtocolTimepoint[] = DEMO_STUDY.timepoints
  .filter((timepoint) => timepoint.key !== 'follow-up')
  .map((timepoint) => ({
    ...timepoint,
    instruments: timepoint.instruments.map((instrument) => ({ ...instrument })),
  }));

export interface DemoStudyOptions {
  title?: string;
  withdrawalPolicy?: WithdrawalPolicy;
  /** Cohorts in order; `institutionId` lets another institution run the cohort. */
  cohorts: { name: string; institutionId?: string }[];
  /** Timepoints after the demo protocol's end (e.g. a follow-up the test answers itself). */
  extraTimepoints?: ProtocolTimepoint[];
}

export interface DemoStudy {
  studyId: string;
  cohortIds: string[];
  /** Ids by timepoint key; baseline, session and end are what {@link writeDemoPlan} needs. */
  timepointIds: DemoDataTarget['timepointIds'] & Record<string, string>;
}

/** A draft study with {@link DEMO_PROTOCOL}, built through the API as `agent` (its owner). */
export async function createDemoStudy(agent: TestAgent, options: DemoStudyOptions): Promise<DemoStudy> {
  const study = await agent
    .post('/api/studies')
    .send({
      title: options.title ?? unique('demo-study'),
      languages: ['nl', 'en'],
      withdrawalPolicy: options.withdrawalPolicy ?? 'erase_responses',
      consentText: { nl: 'Ja', en: 'Yes' },
    })
    .expect(201);
  const studyId = study.body.id as string;
  const cohortIds: string[] = [];
  for (const cohort of options.cohorts) {
    cohortIds.push((await agent.post(`/api/studies/${studyId}/cohorts`).send(cohort).expect(201)).body.id);
  }
  const protocol = await agent
    .put(`/api/studies/${studyId}/protocol`)
    .send({ timepoints: [...DEMO_PROTOCOL, ...(options.extraTimepoints ?? [])] })
    .expect(200);
  const timepointIds = Object.fromEntries(
    (protocol.body.timepoints as { id: string; key: string }[]).map((timepoint) => [
      timepoint.key,
      timepoint.id,
    ]),
  ) as DemoStudy['timepointIds'];
  return { studyId, cohortIds, timepointIds };
}

/** Another practitioner in the institution (inserted as the owner; never logs in). Returns the user id. */
export async function addPractitioner(dataSource: DataSource, institutionId: string): Promise<string> {
  return dataSource.transaction(async (m) => {
    const user = await m.save(
      m.create(User, {
        email: `${unique('p2')}@example.test`,
        displayName: 'Second practitioner',
        passwordHash: 'x',
      }),
    );
    await m.insert(Membership, { userId: user.id, institutionId, role: 'practitioner' });
    return user.id;
  });
}

/**
 * Stores a generated plan with the demo seed's own writer (participants, completed invitations, scored responses) in
 * one transaction. Returns the participants' ids in plan order.
 */
export async function writeDemoPlan(
  t: TestApp,
  target: DemoDataTarget,
  plan: DemoDataPlan,
): Promise<string[]> {
  return t.dataSource.transaction((m) => writeDemoData(m, t.app.get(ScoredResponseWriter), target, plan));
}
