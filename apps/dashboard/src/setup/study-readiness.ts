import type { Language, LocalizedText, Study } from '../api/types';
import type { Cohort, ConsentVersion, Timepoint } from './setup-api';

// What a draft still needs before it may recruit, to tell the researcher in their language what to fill in. The API
// decides (apps/api/src/studies/studies.service.ts `requireReadyToRecruit`, study-safety.ts
// `requireSafetyArrangements`, refusing with 409 study_not_ready / safety_contact_required /
// safety_help_text_required); whether the safety rule applies comes from the API too (`study.safetyRequired`).

export type MissingSafety = { key: 'contact' } | { key: 'helpText'; language: Language };

export type MissingItem =
  | MissingSafety
  | { key: 'title' | 'description' | 'consentLanguage'; language: Language }
  | { key: 'consent' | 'cohort' | 'protocol' };

const blankIn = (text: LocalizedText | undefined, languages: readonly Language[]) =>
  languages.filter((language) => !text?.[language]?.trim());

/** The safety arrangements still missing; none when the protocol has no questionnaire with risk items. */
export function missingSafety(
  study: Pick<Study, 'languages' | 'safetyRequired' | 'safetyContactUserId' | 'safetyHelpText'>,
): MissingSafety[] {
  if (!study.safetyRequired) return [];
  return [
    ...(study.safetyContactUserId ? [] : [{ key: 'contact' as const }]),
    ...blankIn(study.safetyHelpText, study.languages).map((language) => ({
      key: 'helpText' as const,
      language,
    })),
  ];
}

/** Everything still missing before the study can recruit, in the order of the set-up page. */
export function missingBeforeRecruiting(
  study: Study,
  setup: {
    cohorts: readonly Cohort[];
    consents: readonly ConsentVersion[];
    timepoints: readonly Timepoint[];
  },
): MissingItem[] {
  const description = typeof study.description === 'string' ? {} : study.description;
  const hasDescription = Object.values(description).some((text) => text?.trim());
  const latest = setup.consents.at(-1);
  const title = typeof study.title === 'string' ? {} : study.title;
  return [
    ...blankIn(title, study.languages).map((language) => ({ key: 'title' as const, language })),
    ...(hasDescription
      ? blankIn(description, study.languages).map((language) => ({ key: 'description' as const, language }))
      : []),
    ...(latest
      ? blankIn(latest.text, study.languages).map((language) => ({
          key: 'consentLanguage' as const,
          language,
        }))
      : [{ key: 'consent' as const }]),
    ...(setup.cohorts.length === 0 ? [{ key: 'cohort' as const }] : []),
    ...(setup.timepoints.some((timepoint) => timepoint.instruments.length > 0)
      ? []
      : [{ key: 'protocol' as const }]),
    ...missingSafety(study),
  ];
}
