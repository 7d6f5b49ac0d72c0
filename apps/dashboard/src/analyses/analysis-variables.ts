import type { MessageKey } from '../i18n';

// The variable keys the API accepts (apps/api/src/analyses/analysis-variables.ts), listed here for the selects.

export const SESSION_VARIABLES = [
  'alliance',
  'alliance.bond',
  'alliance.goals',
  'alliance.tasks',
  'alliance.equality',
  'alliance.humanity',
  'checkin',
  'checkin.session_alliance',
  'checkin.hope',
  'disclosure.frequency',
  'disclosure.fit',
  'disclosure.boundary',
  'disclosure.helpfulness',
  'disclosure.effects',
  'practitioner.alliance',
] as const;

export const PERSON_VARIABLES = [
  'alliance',
  'alliance.bond',
  'alliance.goals',
  'alliance.tasks',
  'alliance.equality',
  'alliance.humanity',
  'disclosure.frequency',
  'disclosure.fit',
  'disclosure.boundary',
  'disclosure.helpfulness',
  'disclosure.effects',
  'phq9.baseline',
  'phq9.end',
  'phq9.change',
  'gad7.baseline',
  'gad7.end',
  'gad7.change',
] as const;

export const TRAJECTORY_VARIABLES = ['alliance', 'disclosure', ...SESSION_VARIABLES.slice(1)] as const;

/** The message key of a variable's label, or null for a key this dashboard does not know (the API's label is used). */
export function variableLabelKey(id: string): MessageKey | null {
  const known: readonly string[] = [...PERSON_VARIABLES, ...TRAJECTORY_VARIABLES];
  return known.includes(id) ? (`analyses.variable.${id}` as MessageKey) : null;
}
