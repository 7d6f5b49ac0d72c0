import { HttpStatus } from '@nestjs/common';
import { hasRiskItems } from '@klik/survey-model';
import type { EntityManager } from 'typeorm';
import { AppError, type FieldError } from '../common/app-error';
import { Membership } from '../institutions/membership.entity';
import { User } from '../users/user.entity';
import type { Language, Study } from './study.entity';

/**
 * The help text a study starts with (editable): where a participant who endorsed a risk item finds help now. 113
 * Zelfmoordpreventie answers on 113 and, free of charge, on 0800-0113, and chats at 113.nl; 112 is the emergency
 * number. The Dutch uses "je", as the participant page does.
 */
export const DEFAULT_SAFETY_HELP_TEXT: Readonly<Record<Language, string>> = Object.freeze({
  nl:
    'Heb je het moeilijk of denk je aan zelfdoding? Praat erover met 113 Zelfmoordpreventie: bel 113 of gratis ' +
    '0800-0113, of chat via 113.nl. Bij direct gevaar: bel 112.',
  en:
    'Are you having a hard time, or thinking about suicide? Talk to 113 Suicide Prevention: call 113, or ' +
    '0800-0113 free of charge, or chat at 113.nl. In immediate danger: call 112.',
});

/**
 * The instruments with risk items in a study's protocol (`libs/survey-model` RISK_ITEMS), as `id@version`. The
 * protocol builds on studies, so its table is asked in SQL rather than through its entity.
 */
export async function riskItemInstruments(m: EntityManager, studyId: string): Promise<string[]> {
  const rows = (await m.query(
    `SELECT DISTINCT instrument_id, instrument_version FROM timepoint_instruments WHERE study_id = $1
      ORDER BY instrument_id, instrument_version`,
    [studyId],
  )) as { instrument_id: string; instrument_version: string }[];
  return rows
    .filter((row) => hasRiskItems({ id: row.instrument_id, version: row.instrument_version }))
    .map((row) => `${row.instrument_id}@${row.instrument_version}`);
}

/** Whether a user is an active staff member of the institution: who may be a safety contact there. */
export async function isActiveMember(
  m: EntityManager,
  institutionId: string,
  userId: string,
): Promise<boolean> {
  const membership = await m.findOne(Membership, { where: { institutionId, userId } });
  if (!membership) return false;
  const user = await m.findOne(User, { where: { id: userId }, select: { id: true, status: true } });
  return user?.status === 'active';
}

/** 400 when `userId` is not an active staff member of the institution (a safety contact must be one). */
export async function requireSafetyContactMember(
  m: EntityManager,
  institutionId: string,
  userId: string,
  field: string,
): Promise<void> {
  if (!(await isActiveMember(m, institutionId, userId))) {
    throw AppError.validation([
      { field, messages: [`${field} must name an active staff member of the institution`] },
    ]);
  }
}

/**
 * The recruitment rule of issue 11, in one place: a study whose protocol has an instrument with risk items may
 * recruit only with a safety contact (an active staff member of the owning institution) and a help text in every
 * study language. Called when a study is to recruit, when a recruiting study's protocol or safety fields change.
 * Refuses with 409 `safety_contact_required` (or `safety_help_text_required` when only texts are missing) and
 * field errors.
 */
export async function requireSafetyArrangements(
  m: EntityManager,
  study: Pick<Study, 'id' | 'institutionId' | 'languages' | 'safetyContactUserId' | 'safetyHelpText'>,
): Promise<void> {
  const instruments = await riskItemInstruments(m, study.id);
  if (instruments.length === 0) return;
  const because = `the protocol has instruments with risk items (${instruments.join(', ')})`;
  const contactErrors: FieldError[] = [];
  if (!study.safetyContactUserId) {
    contactErrors.push({
      field: 'safetyContactUserId',
      messages: [`a safety contact is required: ${because}`],
    });
  } else if (!(await isActiveMember(m, study.institutionId, study.safetyContactUserId))) {
    contactErrors.push({
      field: 'safetyContactUserId',
      messages: ['the safety contact is no longer an active staff member of the institution'],
    });
  }
  const textErrors: FieldError[] = study.languages
    .filter((language) => !study.safetyHelpText?.[language]?.trim())
    .map((language) => ({
      field: `safetyHelpText.${language}`,
      messages: [`a help text in ${language} is required: ${because}`],
    }));
  if (contactErrors.length === 0 && textErrors.length === 0) return;
  throw new AppError(
    HttpStatus.CONFLICT,
    contactErrors.length > 0 ? 'safety_contact_required' : 'safety_help_text_required',
    `Before it recruits, a study whose ${because} needs ` +
      [
        contactErrors.length > 0 ? 'a safety contact' : null,
        textErrors.length > 0 ? 'a help text in every language' : null,
      ]
        .filter(Boolean)
        .join(' and '),
    [...contactErrors, ...textErrors],
  );
}

/**
 * The help text a participant sees after endorsing a risk item, in their language: the study's, else the default
 * in that language (a study from before the help texts existed has none).
 */
export function safetyHelpTextIn(study: Pick<Study, 'safetyHelpText'>, language: Language): string {
  return study.safetyHelpText?.[language]?.trim() || DEFAULT_SAFETY_HELP_TEXT[language];
}
