/** Response of `GET /api/studies/:studyId/comparison`, mirrored from apps/api/src/comparison/dto. */

export type Interval = [number, number];

/** Why a value is null: a count under the minimum (primary) or a cell hidden to protect one (secondary). */
export type SuppressionReason = 'primary' | 'secondary';

export interface CountCell {
  value: number | null;
  suppressed: SuppressionReason | null;
}

export type PercentCell = CountCell;

export interface EffectSizeCell {
  estimate: number | null;
  ci: Interval | null;
  n: number | null;
  suppressed: SuppressionReason | null;
}

export interface InstitutionCorrelation {
  estimate: number | null;
  ci: Interval | null;
  n: number | null;
  /** Random-effects weight, percent; null when not pooled. */
  weight: number | null;
  suppressed: SuppressionReason | null;
}

export interface Difference {
  estimate: number | null;
  ci: Interval | null;
  p: number | null;
  rest: number | null;
  restInstitutions: number;
  suppressed: SuppressionReason | null;
}

export interface ComparisonInstitution {
  label: string;
  name: string | null;
  own: boolean;
  participants: CountCell;
  invitationsSent: CountCell;
  invitationsCompleted: CountCell;
  responseRate: PercentCell;
  changeN: CountCell;
  reliablyImproved: CountCell;
  recovered: CountCell;
  percentReliablyImproved: PercentCell;
  percentRecovered: PercentCell;
  effectSize: EffectSizeCell;
  correlation: InstitutionCorrelation;
  versusRest: {
    responseRate: Difference;
    percentReliablyImproved: Difference;
    percentRecovered: Difference;
    effectSize: Difference;
    correlation: Difference;
  };
}

export interface PooledCorrelation {
  method: 'REML';
  test: 'adhoc' | 'z';
  k: number;
  institutions: string[];
  estimate: number;
  ci: Interval;
  predictionInterval: Interval;
  p: number;
  tau2: number;
  i2: number;
  q: number;
  qDf: number;
  qP: number;
}

export interface Comparison {
  studyId: string;
  instrument: { id: string; version: string; scoringVersion: string };
  cutoff: { value: number; direction: string; meaning: string };
  reliableChange: { value: number; improvement: string; source: string; threshold: number };
  minN: number;
  institutions: ComparisonInstitution[];
  total: Omit<ComparisonInstitution, 'label' | 'name' | 'own' | 'effectSize' | 'correlation' | 'versusRest'>;
  pooled: PooledCorrelation | null;
}
