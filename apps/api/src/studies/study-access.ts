import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../common/current-auth';
import { Cohort } from './cohort.entity';
import { AppError } from '../common/app-error';
import { Study } from './study.entity';

/** Studies the active institution owns or runs a cohort in (the service-layer twin of the RLS read policy). */
export function visibleStudies(m: EntityManager, auth: AuthContext) {
  return m
    .createQueryBuilder(Study, 'study')
    .where(
      `(study.institution_id = :institutionId OR EXISTS (
         SELECT 1 FROM cohorts c WHERE c.study_id = study.id AND c.institution_id = :institutionId))`,
      { institutionId: auth.institutionId },
    );
}

/**
 * The study if the active institution owns it or runs a cohort in it; otherwise a 404, whether the id is unknown
 * or belongs to someone else. Row-level security gives the same answer; this is the service-layer check.
 */
export async function findVisibleStudy(m: EntityManager, auth: AuthContext, studyId: string): Promise<Study> {
  const study = await visibleStudies(m, auth).andWhere('study.id = :studyId', { studyId }).getOne();
  if (!study) throw AppError.notFound('Study');
  return study;
}

/** The study if the active institution owns it: 404 when invisible, 403 when only taking part. */
export async function findOwnedStudy(m: EntityManager, auth: AuthContext, studyId: string): Promise<Study> {
  const study = await findVisibleStudy(m, auth, studyId);
  if (study.institutionId !== auth.institutionId) {
    throw AppError.forbidden('Only the institution that owns the study may change it');
  }
  return study;
}

/** A cohort of the study that the active institution owns (participants are enrolled only there). */
export async function findOwnCohort(m: EntityManager, auth: AuthContext, studyId: string, cohortId: string) {
  const cohort = await m.findOne(Cohort, { where: { id: cohortId, studyId, institutionId: auth.institutionId } });
  if (!cohort) throw AppError.notFound('Cohort');
  return cohort;
}
