import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service';
import { Cohort } from '../studies/cohort.entity';
import { createToken, hashToken } from '../common/tokens';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Institution } from '../institutions/institution.entity';
import { Membership } from '../institutions/membership.entity';
import { Invitation } from '../invitations/invitation.entity';
import { Participant } from '../participants/participant.entity';
import { TimepointInstrument } from '../protocol/timepoint-instrument.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import { ConsentVersion } from '../studies/consent-version.entity';
import { Study } from '../studies/study.entity';
import { DEFAULT_SAFETY_HELP_TEXT } from '../studies/study-safety';
import { ScoredResponseWriter } from '../responses/scored-response.writer';
import { User } from '../users/user.entity';
import { DEMO_DATA_OPTIONS, DEMO_PARTNER_DATA_OPTIONS, generateDemoData } from './demo-data';
import { writeDemoData } from './demo-data.writer';
import { DEMO_INSTITUTION, DEMO_PARTNER, DEMO_PASSWORD, DEMO_STUDY, DEMO_USERS } from './demo-study';

export interface DemoSeedResult {
  created: boolean;
  logins: { email: string; role: string }[];
  password: string;
  /** A participant link for the baseline, only when the demo was created in this run (tokens are not stored). */
  participantLink: string | null;
}

/**
 * Seeds the demo institution, its staff and a recruiting demo study, once (idempotent by the institution slug): a
 * few enrolled participants without answers (DEMO-001 gets the printed baseline link) and the generated clients of
 * `demo-data.ts` with their answers and scores, which carry the planted effects; and a partner institution with a
 * cohort of its own in the same study, for the comparison of institutions.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly writer: ScoredResponseWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seedOnce(): Promise<DemoSeedResult> {
    const result = {
      logins: [...DEMO_USERS, ...DEMO_PARTNER.users].map((user) => ({ email: user.email, role: user.role })),
      password: DEMO_PASSWORD,
    };
    if (await this.dataSource.getRepository(Institution).exists({ where: { slug: DEMO_INSTITUTION.slug } })) {
      return { ...result, created: false, participantLink: null };
    }
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    const token = createToken();
    await this.dataSource.transaction(async (m) => {
      const institution = await m.save(m.create(Institution, DEMO_INSTITUTION));
      const users: Record<string, User> = {};
      for (const spec of DEMO_USERS) {
        const user = await m.save(
          m.create(User, { email: spec.email, displayName: spec.displayName, passwordHash }),
        );
        await m.insert(Membership, { userId: user.id, institutionId: institution.id, role: spec.role });
        users[spec.role === 'practitioner' ? spec.email : spec.role] = user;
      }
      const researcher = users.researcher;
      const study = await m.save(
        m.create(Study, {
          institutionId: institution.id,
          title: DEMO_STUDY.title,
          description: DEMO_STUDY.description,
          languages: DEMO_STUDY.languages,
          withdrawalPolicy: DEMO_STUDY.withdrawalPolicy,
          status: 'recruiting',
          createdById: researcher.id,
          // PHQ-9 and the check-in have risk items: the researcher is the safety contact (safety/, issue 11).
          safetyContactUserId: researcher.id,
          safetyHelpText: { ...DEFAULT_SAFETY_HELP_TEXT },
        }),
      );
      const owned = { institutionId: institution.id, studyId: study.id };
      await m.insert(ConsentVersion, {
        ...owned,
        version: 1,
        text: DEMO_STUDY.consent,
        createdById: researcher.id,
      });
      const timepoints: Timepoint[] = [];
      for (const [index, spec] of DEMO_STUDY.timepoints.entries()) {
        const timepoint = await m.save(
          m.create(Timepoint, {
            ...owned,
            position: index + 1,
            key: spec.key,
            label: spec.label,
            kind: spec.kind,
            offsetDays: spec.offsetDays,
          }),
        );
        timepoints.push(timepoint);
        await m.insert(
          TimepointInstrument,
          spec.instruments.map((instrument, position) => ({
            ...owned,
            ...instrument,
            timepointId: timepoint.id,
            position: position + 1,
          })),
        );
      }
      const practitioners = DEMO_USERS.filter((user) => user.role === 'practitioner').map(
        (user) => users[user.email],
      );
      let number = 0;
      let first: Participant | null = null;
      const cohortIds: string[] = [];
      for (const name of DEMO_STUDY.cohorts) {
        const cohort = await m.save(m.create(Cohort, { ...owned, name }));
        cohortIds.push(cohort.id);
        for (let i = 0; i < DEMO_STUDY.participantsPerCohort; i++) {
          number++;
          const participant = await m.save(
            m.create(Participant, {
              ...owned,
              cohortId: cohort.id,
              code: `DEMO-${String(number).padStart(3, '0')}`,
              practitionerId: practitioners[number % practitioners.length].id,
              createdById: researcher.id,
            }),
          );
          first ??= participant;
        }
      }
      if (first) {
        await m.insert(Invitation, {
          ...owned,
          participantId: first.id,
          timepointId: timepoints[0].id,
          tokenHash: hashToken(token),
          status: 'open',
          expiresAt: new Date(Date.now() + 365 * 86_400_000),
        });
      }
      const timepointId = (key: string) => timepoints.find((timepoint) => timepoint.key === key)?.id ?? '';
      await writeDemoData(
        m,
        this.writer,
        {
          ...owned,
          createdById: researcher.id,
          cohortIds,
          practitionerIds: practitioners.map((practitioner) => practitioner.id),
          timepointIds: {
            baseline: timepointId('baseline'),
            session: timepointId('session'),
            end: timepointId('end'),
          },
        },
        generateDemoData(DEMO_DATA_OPTIONS),
      );

      // The partner institution runs a cohort of its own in the same study.
      const partner = await m.save(m.create(Institution, DEMO_PARTNER.institution));
      const partnerUsers: User[] = [];
      for (const spec of DEMO_PARTNER.users) {
        const user = await m.save(
          m.create(User, { email: spec.email, displayName: spec.displayName, passwordHash }),
        );
        await m.insert(Membership, { userId: user.id, institutionId: partner.id, role: spec.role });
        partnerUsers.push(user);
      }
      const partnerCohort = await m.save(
        m.create(Cohort, { institutionId: partner.id, studyId: study.id, name: DEMO_PARTNER.cohort }),
      );
      await writeDemoData(
        m,
        this.writer,
        {
          institutionId: partner.id,
          studyId: study.id,
          createdById: partnerUsers[0].id,
          cohortIds: [partnerCohort.id],
          practitionerIds: partnerUsers.slice(1).map((user) => user.id),
          timepointIds: {
            baseline: timepointId('baseline'),
            session: timepointId('session'),
            end: timepointId('end'),
          },
        },
        generateDemoData(DEMO_PARTNER_DATA_OPTIONS),
      );
    });
    this.logger.log('seeded the demo institutions and study');
    return { ...result, created: true, participantLink: `${this.config.publicUrl}/take/${token}` };
  }
}
