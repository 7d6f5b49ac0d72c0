import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, staff } from '../audit/audit.service';
import type { AuthContext } from '../common/current-auth';
import { AppError } from '../common/app-error';
import type { LocalizedTextDto } from '../common/localized-text.dto';
import { TenancyService } from '../database/tenancy.service';
import { Cohort } from './cohort.entity';
import { ConsentVersion } from './consent-version.entity';
import type { ConsentVersionDto, CreateStudyDto, StudyDto, UpdateStudyDto } from './dto/study.dto';
import { findOwnedStudy, findVisibleStudy, visibleStudies } from './study-access';
import { missingLanguages, toLocalizedText } from './study-text';
import {
  DEFAULT_SAFETY_HELP_TEXT,
  requireSafetyArrangements,
  requireSafetyContactMember,
  riskItemInstruments,
} from './study-safety';
import { type Language, Study, type StudyStatus } from './study.entity';

const TRANSITIONS: Record<StudyStatus, StudyStatus[]> = {
  draft: ['recruiting', 'closed'],
  recruiting: ['closed'],
  closed: [],
};

@Injectable()
export class StudiesService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
  ) {}

  list(auth: AuthContext): Promise<StudyDto[]> {
    return this.tenancy.run(auth, async (m) => {
      const studies = await visibleStudies(m, auth).orderBy('study.created_at', 'DESC').getMany();
      const items: StudyDto[] = [];
      for (const study of studies) items.push(await this.toDto(m, auth, study));
      return items;
    });
  }

  get(auth: AuthContext, studyId: string): Promise<StudyDto> {
    return this.tenancy.run(auth, async (m) => this.toDto(m, auth, await findVisibleStudy(m, auth, studyId)));
  }

  create(auth: AuthContext, body: CreateStudyDto): Promise<StudyDto> {
    return this.tenancy.run(auth, async (m) => {
      if (body.consentText) this.requireLanguages(body.consentText, body.languages, 'consentText');
      if (body.safetyContactUserId) {
        await requireSafetyContactMember(m, auth.institutionId, body.safetyContactUserId, 'safetyContactUserId');
      }
      const study = await m.save(
        m.create(Study, {
          institutionId: auth.institutionId,
          title: toLocalizedText(body.title, body.languages),
          description: toLocalizedText(body.description ?? '', body.languages),
          formOfAddress: body.formOfAddress ?? 'je',
          languages: body.languages,
          withdrawalPolicy: body.withdrawalPolicy,
          status: 'draft',
          createdById: auth.userId,
          safetyContactUserId: body.safetyContactUserId ?? null,
          safetyHelpText: { ...DEFAULT_SAFETY_HELP_TEXT, ...helpTextOf(body.safetyHelpText) },
        }),
      );
      const consent = body.consentText ? await this.insertConsent(m, auth, study, body.consentText) : null;
      await this.audit.record(m, { actor: staff(auth), action: 'study.created', target: { type: 'study', id: study.id } });
      if (consent) {
        await this.audit.record(m, {
          actor: staff(auth),
          action: 'consent_version.created',
          target: { type: 'consent_version', id: consent.id },
          details: { studyId: study.id, version: consent.version },
        });
      }
      return this.toDto(m, auth, study);
    });
  }

  update(auth: AuthContext, studyId: string, body: UpdateStudyDto): Promise<StudyDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findOwnedStudy(m, auth, studyId);
      // A text given as one string means the same text in every language the study has after this change.
      const languages = body.languages ?? study.languages;
      const texts = {
        ...(body.title !== undefined ? { title: toLocalizedText(body.title, languages) } : {}),
        ...(body.description !== undefined ? { description: toLocalizedText(body.description, languages) } : {}),
      };
      if ((body.languages || body.withdrawalPolicy) && study.status !== 'draft') {
        throw AppError.conflict(
          'study_not_draft',
          'Languages and the withdrawal policy can only change while the study is a draft',
        );
      }
      if (body.status && body.status !== study.status) {
        if (!TRANSITIONS[study.status].includes(body.status)) {
          throw AppError.conflict('invalid_status_change', `A ${study.status} study cannot become ${body.status}`);
        }
        if (body.status === 'recruiting') await this.requireReadyToRecruit(m, { ...study, ...texts });
      }
      if (body.safetyContactUserId) {
        await requireSafetyContactMember(m, study.institutionId, body.safetyContactUserId, 'safetyContactUserId');
      }
      const safety = {
        ...(body.safetyContactUserId !== undefined ? { safetyContactUserId: body.safetyContactUserId } : {}),
        ...(body.safetyHelpText ? { safetyHelpText: { ...study.safetyHelpText, ...helpTextOf(body.safetyHelpText) } } : {}),
      };
      // A study about to recruit, or a recruiting one whose safety arrangements change (safety/, issue 11).
      const recruiting = (body.status ?? study.status) === 'recruiting';
      if (recruiting && (body.status === 'recruiting' || Object.keys(safety).length > 0)) {
        await requireSafetyArrangements(m, { ...study, ...(body.languages ? { languages: body.languages } : {}), ...safety });
      }
      await m.update(Study, study.id, {
        ...texts,
        ...(body.formOfAddress ? { formOfAddress: body.formOfAddress } : {}),
        ...(body.languages ? { languages: body.languages } : {}),
        ...(body.withdrawalPolicy ? { withdrawalPolicy: body.withdrawalPolicy } : {}),
        ...(body.status ? { status: body.status } : {}),
        ...safety,
      });
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'study.updated',
        target: { type: 'study', id: study.id },
        details: {
          fields: Object.keys(body).filter((key) => body[key as keyof UpdateStudyDto] !== undefined),
          statusFrom: study.status,
          statusTo: body.status ?? study.status,
        },
      });
      return this.toDto(m, auth, await m.findOneOrFail(Study, { where: { id: study.id } }));
    });
  }

  listConsentVersions(auth: AuthContext, studyId: string): Promise<ConsentVersionDto[]> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      const versions = await m.find(ConsentVersion, { where: { studyId: study.id }, order: { version: 'ASC' } });
      return versions.map((v) => consentVersionDto(v));
    });
  }

  /**
   * Publishes the next consent version. With `requiresReconsent`, everyone who consented to an older version must
   * consent to this one before answering again (take/consent-standing.ts).
   */
  addConsentVersion(
    auth: AuthContext,
    studyId: string,
    text: LocalizedTextDto,
    requiresReconsent = false,
  ): Promise<ConsentVersionDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findOwnedStudy(m, auth, studyId);
      if (study.status === 'closed') throw AppError.conflict('study_closed', 'The study is closed');
      this.requireLanguages(text, study.languages, 'text');
      const version = await this.insertConsent(m, auth, study, text, requiresReconsent);
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'consent_version.created',
        target: { type: 'consent_version', id: version.id },
        details: { studyId: study.id, version: version.version, requiresReconsent: version.requiresReconsent },
      });
      return consentVersionDto(version);
    });
  }

  private async insertConsent(
    m: EntityManager,
    auth: AuthContext,
    study: Study,
    text: LocalizedTextDto,
    requiresReconsent = false,
  ) {
    const { max } = (await m
      .createQueryBuilder(ConsentVersion, 'v')
      .select('COALESCE(MAX(v.version), 0)', 'max')
      .where('v.study_id = :studyId', { studyId: study.id })
      .getRawOne<{ max: number }>()) ?? { max: 0 };
    return m.save(
      m.create(ConsentVersion, {
        institutionId: study.institutionId,
        studyId: study.id,
        version: Number(max) + 1,
        text: { ...(text.nl ? { nl: text.nl } : {}), ...(text.en ? { en: text.en } : {}) },
        requiresReconsent,
        createdById: auth.userId,
      }),
    );
  }

  private requireLanguages(text: LocalizedTextDto, languages: Language[], field: string): void {
    const missing = languages.filter((language) => !text[language]);
    if (missing.length > 0) {
      throw AppError.validation(
        missing.map((language) => ({ field: `${field}.${language}`, messages: [`${field} needs a ${language} text`] })),
      );
    }
  }

  private async requireReadyToRecruit(
    m: EntityManager,
    study: Pick<Study, 'id' | 'languages' | 'title' | 'description'>,
  ): Promise<void> {
    // One query at a time: a transaction owns a single connection.
    const consents = await m.count(ConsentVersion, { where: { studyId: study.id } });
    const cohorts = await m.count(Cohort, { where: { studyId: study.id } });
    // The protocol builds on studies, so its table is asked in SQL rather than through its entity.
    const [{ instruments }] = (await m.query(
      'SELECT count(*)::int AS instruments FROM timepoint_instruments WHERE study_id = $1',
      [study.id],
    )) as { instruments: number }[];
    // The current consent version must be readable in every language of the study (languages may change in draft).
    const latest = await m.findOne(ConsentVersion, { where: { studyId: study.id }, order: { version: 'DESC' } });
    const untranslated = latest ? study.languages.filter((language) => !latest.text[language]) : [];
    // Everything a participant reads is in their language (issue 11): the title, and a description once there is one.
    const untitled = missingLanguages(study.title, study.languages);
    const undescribed =
      Object.keys(study.description).length > 0 ? missingLanguages(study.description, study.languages) : [];
    const perLanguage = (field: string, what: string, languages: string[]) =>
      languages.map((language) => ({ field: `${field}.${language}`, messages: [`${what} in ${language}`] }));
    const problems = [
      ...(consents === 0 ? [{ field: 'consentText', messages: ['a consent text'] }] : []),
      ...perLanguage('consentText', 'a consent text', untranslated),
      ...perLanguage('title', 'a title', untitled),
      ...perLanguage('description', 'a description', undescribed),
      ...(cohorts === 0 ? [{ field: 'cohorts', messages: ['a cohort'] }] : []),
      ...(instruments === 0 ? [{ field: 'protocol', messages: ['a protocol with at least one instrument'] }] : []),
    ];
    if (problems.length > 0) {
      throw new AppError(
        HttpStatus.CONFLICT,
        'study_not_ready',
        `Before recruiting, the study needs ${problems.map((problem) => problem.messages[0]).join(', ')}`,
        problems,
      );
    }
  }

  private async toDto(m: EntityManager, auth: AuthContext, study: Study): Promise<StudyDto> {
    const latest = await m.findOne(ConsentVersion, { where: { studyId: study.id }, order: { version: 'DESC' } });
    return {
      id: study.id,
      title: study.title,
      description: study.description,
      formOfAddress: study.formOfAddress,
      status: study.status,
      languages: study.languages,
      withdrawalPolicy: study.withdrawalPolicy,
      ownerInstitutionId: study.institutionId,
      owned: study.institutionId === auth.institutionId,
      currentConsentVersion: latest?.version ?? null,
      safetyContactUserId: study.institutionId === auth.institutionId ? study.safetyContactUserId : null,
      safetyHelpText: study.safetyHelpText,
      safetyRequired: (await riskItemInstruments(m, study.id)).length > 0,
      createdAt: study.createdAt,
      updatedAt: study.updatedAt,
    };
  }
}

function consentVersionDto(version: ConsentVersion): ConsentVersionDto {
  return {
    id: version.id,
    version: version.version,
    text: version.text,
    requiresReconsent: version.requiresReconsent,
    createdAt: version.createdAt,
  };
}

/** The languages given of a help text, trimmed. */
function helpTextOf(text: LocalizedTextDto | undefined): Partial<Record<Language, string>> {
  return {
    ...(text?.nl ? { nl: text.nl.trim() } : {}),
    ...(text?.en ? { en: text.en.trim() } : {}),
  };
}
