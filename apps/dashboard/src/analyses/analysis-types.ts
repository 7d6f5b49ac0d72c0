import type { ChangeCategory } from '../charts/change-style';

/**
 * Response shapes of `GET /api/studies/:studyId/analyses/*`, mirrored from apps/api/src/analyses/dto (the
 * dashboard may not import API code). The API computes every statistic; these are only drawn.
 */

export type Interval = [number, number];

export type CorrelationMethod = 'pearson' | 'spearman' | 'kendall';
export type PAdjustment = 'none' | 'holm' | 'BH';

export interface AnalysisVariable {
  id: string;
  label: string;
  n: number;
}

export interface CorrelationCell {
  x: string;
  y: string;
  n: number;
  suppressed: boolean;
  estimate: number | null;
  ci: Interval | null;
  p: number | null;
  pAdjusted: number | null;
}

export interface Correlations {
  studyId: string;
  method: CorrelationMethod;
  adjust: PAdjustment;
  minN: number;
  nClients: number;
  variables: AnalysisVariable[];
  /** Each distinct pair once (upper triangle). */
  cells: CorrelationCell[];
}

export interface CorrelationStatistic {
  suppressed: boolean;
  estimate: number | null;
  ci: Interval | null;
  p: number | null;
  df: number | null;
}

export interface SessionVariable {
  id: string;
  label: string;
}

export interface WithinPerson {
  studyId: string;
  x: SessionVariable;
  y: SessionVariable;
  minN: number;
  nClients: number;
  nObservations: number;
  within: CorrelationStatistic;
  between: CorrelationStatistic;
}

// One definition of the reliable-change categories, next to their colours and symbols.
export type { ChangeCategory };
export type ChangeCounts = Record<ChangeCategory, number>;

export interface ChangeGroup {
  cohortId: string | null;
  cohortName: string | null;
  n: number;
  suppressed: boolean;
  counts: ChangeCounts | null;
  percentages: ChangeCounts | null;
}

export interface ChangePoint {
  pre: number;
  post: number;
  category: ChangeCategory;
}

export interface Change {
  studyId: string;
  instrument: { id: string; version: string; scoringVersion: string };
  cutoff: { value: number; direction: 'at_or_above' | 'at_or_below' | string; meaning: string };
  reliableChange: {
    value: number;
    improvement: 'decrease' | 'increase' | string;
    source: string;
    threshold: number;
  };
  minN: number;
  all: ChangeGroup;
  cohorts: ChangeGroup[];
  points: ChangePoint[];
  band: { halfWidth: number; scoreRange: Interval };
  post: { timepointId: string | null; timepointKind: string };
}

export interface DyadAgreement {
  contentType: string;
  n: number;
  nClients: number;
  suppressed: boolean;
  percentAgreement: number | null;
  percentClient: number | null;
  percentPractitioner: number | null;
  kappa: number | null;
  ci: Interval | null;
  se: number | null;
  p: number | null;
}

export interface Dyads {
  studyId: string;
  minN: number;
  nDyads: number;
  nClients: number;
  contentTypes: DyadAgreement[];
}

export interface Estimate {
  estimate: number;
  se: number;
  ci: Interval | null;
}

export interface BandPoint {
  x: number;
  fit: number;
  lower: number | null;
  upper: number | null;
}

export interface Scatter {
  studyId: string;
  x: SessionVariable;
  y: SessionVariable;
  minN: number;
  n: number;
  suppressed: boolean;
  points: { x: number; y: number }[];
  correlation: CorrelationStatistic;
  regression: {
    intercept: Estimate;
    slope: Estimate;
    residualSe: number;
    rSquared: number;
    df: number;
  } | null;
  band: BandPoint[];
}

export interface TrajectorySeries {
  series: number;
  points: { session: number; value: number }[];
}

export interface SessionMean {
  session: number;
  n: number;
  suppressed: boolean;
  mean: number | null;
  ci: Interval | null;
}

export interface MixedModel {
  intercept: Estimate;
  slope: Estimate;
  variance: {
    intercept: number;
    slope: number;
    covariance: number;
    correlation: number | null;
    residual: number;
  };
  singular: boolean;
  converged: boolean;
  nObservations: number;
  nClients: number;
  fitted: BandPoint[];
}

export interface Trajectories {
  studyId: string;
  variable: SessionVariable;
  minN: number;
  nClients: number;
  nObservations: number;
  suppressed: boolean;
  series: TrajectorySeries[];
  means: SessionMean[];
  model: MixedModel | null;
}

export interface ScaleQualityEntry {
  instrumentId: string;
  instrumentVersion: string;
  scale: string;
  label: string;
  items: number;
  n: number;
  suppressed: boolean;
  alpha: number | null;
  alphaCi: Interval | null;
  omega: number | null;
}

export interface ScaleQuality {
  studyId: string;
  minN: number;
  responseRule: string;
  scales: ScaleQualityEntry[];
}

export type AlertRule = 'alliance_drop' | 'reliable_deterioration';

export interface AlertMeasure {
  timepointKey: string;
  timepointKind: string;
  sessionNumber: number | null;
  value: number;
  date: string | null;
}

export interface Alert {
  participantId: string;
  participantCode: string;
  rule: AlertRule;
  instrumentId: string;
  from: AlertMeasure;
  to: AlertMeasure;
  change: number;
  threshold: number;
}

export interface Alerts {
  studyId: string;
  rules: { allianceDrop: number | null; reliableDeterioration: boolean; outcomeInstruments: string[] };
  nClients: number;
  alerts: Alert[];
}

// Filter sources: GET /studies/:id/cohorts, /studies/:id/protocol, /users?role=practitioner.

export interface Cohort {
  id: string;
  name: string;
  institutionId: string;
  institutionName: string;
}

export interface Timepoint {
  id: string;
  key: string;
  label: { nl?: string; en?: string };
  kind: string;
  position: number;
  instruments: { instrumentId: string; instrumentVersion: string; respondent: string }[];
}

export interface Member {
  userId: string;
  displayName: string;
  email: string;
  role: string;
  status: string;
}
