import { resolveInstrument } from '../instruments/registry';
import type { Instrument, InstrumentId, InstrumentRef, LocalizedText } from '../model/instrument.types';

/**
 * Risk (critical) items: answers a clinician reads one by one, whatever the total, and that a platform collecting
 * them must route to a person at once (issue 11; DOMAIN.md §3). Declared per instrument as its manual names them,
 * with the source; Klik's own scales by Klik's choice. Kept beside the published definitions rather than in them:
 * a risk item is not part of the score, so declaring one must reach answers given on versions already published
 * (whose definitions are locked) as well as later versions. Codebook: `codebooks/risk-items.md`.
 */

export type RiskKind = 'suicidality' | 'substance_use' | 'violence' | 'hopelessness' | 'very_low_wellbeing';

export interface RiskItemRule {
  instrumentId: InstrumentId;
  /** The versions the rule applies to; every version when omitted. */
  versions?: readonly string[];
  item: string;
  /** The answer endorses the risk when it is at least `atLeast` (and/or at most `atMost`). */
  atLeast?: number;
  atMost?: number;
  kind: RiskKind;
  /**
   * A short, neutral description for staff (never the item's wording: licensed instruments' wording may not ship
   * in the repository, and a notification carries no answers).
   */
  label: LocalizedText;
  source: string;
}

const PHQ9_SOURCE =
  'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606-613; PHQ instructions for use (phqscreeners.com): any positive answer to item 9, whatever the total, calls for an assessment of suicide risk.';
const CORE10_SOURCE =
  'Barkham M, Bewick B, Mullin T, et al. The CORE-10: a short measure of psychological distress for routine use in the psychological therapies. Couns Psychother Res 2013;13(1):3-13: item 6 is the risk item, to be checked whatever the clinical score.';
const OQ45_SOURCE =
  'Lambert MJ, et al. Administration and Scoring Manual for the OQ-45.2. OQ Measures; critical items 8 (suicide), 11, 26 and 32 (substance use) and 44 (violence at work), flagged for any answer other than "never".';
const KLIK_SOURCE =
  "Klik project (2026), its own choice: hopelessness (Beck et al. 1985, a predictor of suicide) and well-being at the scale's floor.";

/** Every declared risk item. PHQ-9, CORE-10 and OQ-45 as their sources name them; K10 defines none (see codebook). */
export const RISK_ITEMS: readonly RiskItemRule[] = [
  {
    instrumentId: 'phq-9',
    item: 'phq9_9',
    atLeast: 1,
    kind: 'suicidality',
    label: {
      nl: 'PHQ-9 item 9: gedachten aan de dood of zelfbeschadiging (minstens "meerdere dagen")',
      en: 'PHQ-9 item 9: thoughts of death or self-harm (at least "several days")',
    },
    source: PHQ9_SOURCE,
  },
  {
    instrumentId: 'core-10',
    item: 'core10_6',
    atLeast: 1,
    kind: 'suicidality',
    label: { nl: 'CORE-10 risico-item (item 6)', en: 'CORE-10 risk item (item 6)' },
    source: CORE10_SOURCE,
  },
  ...(
    [
      ['oq45_8', 'suicidality', 'kritiek item 8 (suïcide)', 'critical item 8 (suicide)'],
      ['oq45_11', 'substance_use', 'kritiek item 11 (middelengebruik)', 'critical item 11 (substance use)'],
      ['oq45_26', 'substance_use', 'kritiek item 26 (middelengebruik)', 'critical item 26 (substance use)'],
      ['oq45_32', 'substance_use', 'kritiek item 32 (middelengebruik)', 'critical item 32 (substance use)'],
      ['oq45_44', 'violence', 'kritiek item 44 (geweld op het werk)', 'critical item 44 (violence at work)'],
    ] as const
  ).map(([item, kind, nl, en]): RiskItemRule => ({
    instrumentId: 'oq-45',
    item,
    atLeast: 1,
    kind,
    label: { nl: `OQ-45 ${nl}`, en: `OQ-45 ${en}` },
    source: OQ45_SOURCE,
  })),
  {
    instrumentId: 'klik-checkin',
    item: 'kc_hope',
    atMost: 0,
    kind: 'hopelessness',
    label: { nl: 'Check-in: geen hoop (0 van 10)', en: 'Check-in: no hope (0 of 10)' },
    source: KLIK_SOURCE,
  },
  {
    instrumentId: 'klik-checkin',
    item: 'kc_wellbeing',
    atMost: 1,
    kind: 'very_low_wellbeing',
    label: {
      nl: 'Check-in: het gaat heel slecht (0 of 1 van 10)',
      en: 'Check-in: doing very badly (0 or 1 of 10)',
    },
    source: KLIK_SOURCE,
  },
];

/** An endorsed risk item in one answer set. */
export interface EndorsedRisk {
  item: string;
  value: number;
  kind: RiskKind;
  label: LocalizedText;
}

/** The risk items that apply to an instrument version. */
export function riskItemsOf(instrument: Instrument | InstrumentRef): RiskItemRule[] {
  const resolved = resolveInstrument(instrument);
  return RISK_ITEMS.filter(
    (rule) =>
      rule.instrumentId === resolved.id &&
      (rule.versions === undefined || rule.versions.includes(resolved.version)),
  );
}

/** Whether an instrument version has risk items (a study with it needs a safety contact and help text). */
export function hasRiskItems(instrument: Instrument | InstrumentRef): boolean {
  return riskItemsOf(instrument).length > 0;
}

/**
 * The risk items an answer set endorses. Only numeric answers count (a skipped item endorses nothing); call it on
 * validated answers.
 *
 * @example endorsedRiskItems(getInstrument('phq-9', '1.0.0'), { phq9_9: 2, … }) // [{ item: 'phq9_9', value: 2, … }]
 */
export function endorsedRiskItems(
  instrument: Instrument | InstrumentRef,
  answers: Readonly<Record<string, unknown>>,
): EndorsedRisk[] {
  return riskItemsOf(instrument).flatMap((rule) => {
    const value = answers[rule.item];
    if (typeof value !== 'number' || !Number.isFinite(value)) return [];
    const endorsed =
      (rule.atLeast === undefined || value >= rule.atLeast) &&
      (rule.atMost === undefined || value <= rule.atMost);
    return endorsed ? [{ item: rule.item, value, kind: rule.kind, label: rule.label }] : [];
  });
}
