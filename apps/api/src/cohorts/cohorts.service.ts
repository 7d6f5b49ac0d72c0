import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, staff } from '../audit/audit.service';
import type { AuthContext } from '../common/current-auth';
import { AppError } from '../common/app-error';
import { TenancyService } from '../database/tenancy.service';
import { Institution } from '../institutions/institution.entity';
import { Cohort } from '../studies/cohort.entity';
import { findOwnedStudy, findVisibleStudy } from '../studies/study-access';
import { requireSafetyContactMember } from '../studies/study-safety';
import type { CohortDto, CreateCohortDto } from './dto/cohort.dto';

/** Cohorts (sites): the study owner adds them, for itself or for a partner institution. */
@Injectable()
export class CohortsService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
  ) {}

  list(auth: AuthContext, studyId: string): Promise<CohortDto[]> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      const query = this.query(m, auth).where('cohort.study_id = :studyId', { studyId: study.id });
      // A partner sees its own cohorts; the owner sees all of them.
      if (study.institutionId !== auth.institutionId) {
        query.andWhere('cohort.institution_id = :institutionId', { institutionId: auth.institutionId });
      }
      return query.orderBy('cohort.name', 'ASC').getRawMany<CohortDto>();
    });
  }

  get(auth: AuthContext, studyId: string, cohortId: string): Promise<CohortDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      return this.one(m, auth, study.id, study.institutionId, cohortId);
    });
  }

  create(auth: AuthContext, studyId: string, body: CreateCohortDto): Promise<CohortDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findOwnedStudy(m, auth, studyId);
      if (study.status === 'closed') throw AppError.conflict('study_closed', 'The study is closed');
      const institutionId = body.institutionId ?? auth.institutionId;
      if (!(await m.exists(Institution, { where: { id: institutionId } }))) {
        throw AppError.validation([
          { field: 'institutionId', messages: ['institutionId names no institution'] },
        ]);
      }
      await this.requireUniqueName(m, study.id, body.name.trim());
      const cohort = await m.save(
        m.create(Cohort, { studyId: study.id, institutionId, name: body.name.trim() }),
      );
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'cohort.created',
        target: { type: 'cohort', id: cohort.id },
        details: { studyId: study.id, institutionId },
      });
      return this.one(m, auth, study.id, study.institutionId, cohort.id);
    });
  }

  rename(auth: AuthContext, studyId: string, cohortId: string, name: string): Promise<CohortDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      const cohort = await this.one(m, auth, study.id, study.institutionId, cohortId);
      if (study.institutionId !== auth.institutionId && cohort.institutionId !== auth.institutionId) {
        throw AppError.notFound('Cohort');
      }
      if (cohort.name !== name.trim()) await this.requireUniqueName(m, study.id, name.trim(), cohort.id);
      await m.update(Cohort, cohort.id, { name: name.trim() });
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'cohort.renamed',
        target: { type: 'cohort', id: cohort.id },
        details: { studyId: study.id },
      });
      return this.one(m, auth, study.id, study.institutionId, cohort.id);
    });
  }

  /**
   * A partner institution names the safety contact of its own cohort (issue 11): told at once, instead of its
   * admins, when a participant of the cohort endorses a risk item. The owner's cohorts are covered by the study's
   * safety contact (409 `study_safety_contact`). Another institution's cohort: 404.
   */
  setSafetyContact(
    auth: AuthContext,
    studyId: string,
    cohortId: string,
    userId: string | null,
  ): Promise<CohortDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      const cohort = await m.findOne(Cohort, {
        where: { id: cohortId, studyId: study.id, institutionId: auth.institutionId },
      });
      if (!cohort) throw AppError.notFound('Cohort');
      if (cohort.institutionId === study.institutionId) {
        throw AppError.conflict(
          'study_safety_contact',
          "The owning institution's cohorts are covered by the study's safety contact (PATCH the study)",
        );
      }
      if (userId) await requireSafetyContactMember(m, auth.institutionId, userId, 'userId');
      await m.update(Cohort, cohort.id, { safetyContactUserId: userId });
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'cohort.safety_contact_changed',
        target: { type: 'cohort', id: cohort.id },
        details: { studyId: study.id, safetyContactUserId: userId },
      });
      return this.one(m, auth, study.id, study.institutionId, cohort.id);
    });
  }

  private async one(m: EntityManager, auth: AuthContext, studyId: string, ownerId: string, cohortId: string) {
    const query = this.query(m, auth).where('cohort.id = :cohortId AND cohort.study_id = :studyId', {
      cohortId,
      studyId,
    });
    if (ownerId !== auth.institutionId) {
      query.andWhere('cohort.institution_id = :institutionId', { institutionId: auth.institutionId });
    }
    const cohort = await query.getRawOne<CohortDto>();
    if (!cohort) throw AppError.notFound('Cohort');
    return cohort;
  }

  private query(m: EntityManager, auth: AuthContext) {
    return m
      .createQueryBuilder(Cohort, 'cohort')
      .innerJoin(Institution, 'institution', 'institution.id = cohort.institution_id')
      .select([
        'cohort.id AS "id"',
        'cohort.study_id AS "studyId"',
        'cohort.name AS "name"',
        'cohort.institution_id AS "institutionId"',
        'institution.name AS "institutionName"',
        // Only the cohort's own institution reads who its safety contact is.
        `CASE WHEN cohort.institution_id = :caller THEN cohort.safety_contact_user_id END AS "safetyContactUserId"`,
        'cohort.created_at AS "createdAt"',
      ])
      .setParameter('caller', auth.institutionId);
  }

  /** Case-insensitive, as the CSV import matches cohort names: "Site A" and "site a" would be ambiguous there. */
  private async requireUniqueName(m: EntityManager, studyId: string, name: string, exceptId?: string) {
    const query = m
      .createQueryBuilder(Cohort, 'cohort')
      .where('cohort.study_id = :studyId AND lower(cohort.name) = lower(:name)', { studyId, name });
    if (exceptId) query.andWhere('cohort.id <> :exceptId', { exceptId });
    if (await query.getExists()) {
      throw AppError.conflict('cohort_name_taken', `The study already has a cohort named "${name}"`);
    }
  }
}
