import {
  heatmapCells,
  prePostFixture,
  scatterFixture,
  trajectoryFixture,
} from '../../charts/testing/chart-fixtures';
import type {
  Alerts,
  Change,
  Cohort,
  Correlations,
  Dyads,
  Member,
  ScaleQuality,
  Scatter,
  Timepoint,
  Trajectories,
  WithinPerson,
} from '../analysis-types';

// API-shaped responses for the section specs: seeded, no clock, ids written out.

export const STUDY_ID = 's-1';
export const COHORT_UTRECHT = '00000000-0000-4000-8000-0000000000c1';
export const COHORT_ROTTERDAM = '00000000-0000-4000-8000-0000000000c2';
export const TIMEPOINT_END = '00000000-0000-4000-8000-0000000000e1';
export const PRACTITIONER_ANNA = '00000000-0000-4000-8000-0000000000a1';

export const cohorts: { items: Cohort[] } = {
  items: [
    { id: COHORT_UTRECHT, name: 'Utrecht', institutionId: 'inst-a', institutionName: 'Demo GGZ Utrecht' },
    { id: COHORT_ROTTERDAM, name: 'Rotterdam', institutionId: 'inst-a', institutionName: 'Demo GGZ Utrecht' },
    // A partner institution's cohort in the same study: no analysis of ours can show its participants.
    {
      id: '00000000-0000-4000-8000-0000000000c3',
      name: 'Groningen',
      institutionId: 'inst-b',
      institutionName: 'Praktijk Noord',
    },
  ],
};

export const protocol: { studyId: string; timepoints: Timepoint[] } = {
  studyId: STUDY_ID,
  timepoints: [
    {
      id: TIMEPOINT_END,
      key: 'end',
      label: { en: 'End of treatment', nl: 'Einde behandeling' },
      kind: 'end',
      position: 2,
      instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
    },
    {
      id: '00000000-0000-4000-8000-0000000000b1',
      key: 'baseline',
      label: { en: 'Baseline', nl: 'Begin' },
      kind: 'baseline',
      position: 0,
      instruments: [
        { instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' },
        { instrumentId: 'klik-alliance', instrumentVersion: '1.1.0', respondent: 'client' },
      ],
    },
  ],
};

export const practitioners: { items: Member[] } = {
  items: [
    {
      userId: PRACTITIONER_ANNA,
      displayName: 'Anna de Wit',
      email: 'anna@demo',
      role: 'practitioner',
      status: 'active',
    },
  ],
};

export const correlations: Correlations = {
  studyId: STUDY_ID,
  method: 'pearson',
  adjust: 'holm',
  minN: 10,
  nClients: 96,
  variables: [
    { id: 'alliance', label: 'Alliance (klik), mean of 15 items: mean over sessions', n: 96 },
    { id: 'disclosure.fit', label: 'Perceived disclosure: timing and fit: mean over sessions', n: 90 },
    { id: 'phq9.baseline', label: 'PHQ-9 at baseline', n: 96 },
    { id: 'phq9.change', label: 'PHQ-9 change (end - baseline)', n: 90 },
  ],
  cells: heatmapCells,
};

const scatterData = scatterFixture(60, 3);
export const scatter: Scatter = {
  studyId: STUDY_ID,
  x: { id: 'alliance', label: 'Alliance (klik), mean of 15 items: mean over sessions' },
  y: { id: 'phq9.change', label: 'PHQ-9 change (end - baseline)' },
  minN: 10,
  n: scatterData.points.length,
  suppressed: false,
  points: scatterData.points,
  correlation: { suppressed: false, estimate: -0.281, ci: [-0.46, -0.08], p: 0.007, df: 58 },
  regression: {
    intercept: { estimate: 2, se: 0.4, ci: [1.2, 2.8] },
    slope: { estimate: 0.5, se: 0.1, ci: [0.3, 0.7] },
    residualSe: 1,
    rSquared: 0.08,
    df: 58,
  },
  band: scatterData.band,
};

export const scatterSuppressed: Scatter = {
  ...scatter,
  n: 7,
  suppressed: true,
  points: [],
  correlation: { suppressed: true, estimate: null, ci: null, p: null, df: null },
  regression: null,
  band: [],
};

export const withinPerson: WithinPerson = {
  studyId: STUDY_ID,
  x: { id: 'alliance', label: 'Alliance (klik), mean of 15 items' },
  y: { id: 'checkin', label: 'Check-in: well-being now' },
  minN: 10,
  nClients: 96,
  nObservations: 873,
  within: { suppressed: false, estimate: 0.189, ci: [0.12, 0.256], p: 1e-7, df: 776 },
  between: { suppressed: false, estimate: 0.471, ci: [0.299, 0.614], p: 0.0000013, df: 94 },
};

const trajectory = trajectoryFixture(12, 4);
export const trajectories: Trajectories = {
  studyId: STUDY_ID,
  variable: { id: 'alliance', label: 'Alliance (klik), mean of 15 items' },
  minN: 3,
  nClients: trajectory.series.length,
  nObservations: trajectory.series.reduce((sum, s) => sum + s.points.length, 0),
  suppressed: false,
  series: trajectory.series,
  means: trajectory.means,
  model: {
    intercept: { estimate: 3.45, se: 0.05, ci: [3.35, 3.55] },
    slope: { estimate: 0.05, se: 0.01, ci: [0.03, 0.07] },
    variance: { intercept: 0.15, slope: 0.001, covariance: 0, correlation: 0, residual: 0.06 },
    singular: false,
    converged: true,
    nObservations: 78,
    nClients: 12,
    fitted: trajectory.fitted,
  },
};

const changePoints = prePostFixture(40, 9);
const countOf = (category: string) => changePoints.filter((p) => p.category === category).length;
const allCounts = {
  recovered: countOf('recovered'),
  improved: countOf('improved'),
  unchanged: countOf('unchanged'),
  deteriorated: countOf('deteriorated'),
};
const percent = (counts: typeof allCounts, n: number) => ({
  recovered: (100 * counts.recovered) / n,
  improved: (100 * counts.improved) / n,
  unchanged: (100 * counts.unchanged) / n,
  deteriorated: (100 * counts.deteriorated) / n,
});
export const change: Change = {
  studyId: STUDY_ID,
  instrument: { id: 'gad-7', version: '1.0.0', scoringVersion: '1.0.0' },
  cutoff: { value: 10, direction: 'at_or_above', meaning: 'probable depression (caseness)' },
  reliableChange: { value: 6, improvement: 'decrease', source: 'IAPT', threshold: 6 },
  minN: 10,
  all: {
    cohortId: null,
    cohortName: null,
    n: 40,
    suppressed: false,
    counts: allCounts,
    percentages: percent(allCounts, 40),
  },
  cohorts: [
    {
      cohortId: COHORT_UTRECHT,
      cohortName: 'Utrecht',
      n: 34,
      suppressed: false,
      counts: allCounts,
      percentages: percent(allCounts, 40),
    },
    {
      cohortId: COHORT_ROTTERDAM,
      cohortName: 'Rotterdam',
      n: 6,
      suppressed: true,
      counts: null,
      percentages: null,
    },
  ],
  points: changePoints,
  band: { halfWidth: 6, scoreRange: [0, 27] },
  post: { timepointId: null, timepointKind: 'end' },
};

export const dyads: Dyads = {
  studyId: STUDY_ID,
  minN: 10,
  nDyads: 412,
  nClients: 60,
  contentTypes: [
    {
      contentType: 'struggles',
      n: 412,
      nClients: 60,
      suppressed: false,
      percentAgreement: 81.2,
      percentClient: 30.1,
      percentPractitioner: 25.5,
      kappa: 0.52,
      ci: [0.41, 0.63],
      se: 0.056,
      p: 0.00001,
    },
    {
      contentType: 'techniques',
      n: 412,
      nClients: 60,
      suppressed: false,
      percentAgreement: 100,
      percentClient: 0,
      percentPractitioner: 0,
      kappa: null,
      ci: null,
      se: null,
      p: null,
    },
    {
      contentType: 'low_point',
      n: 20,
      nClients: 6,
      suppressed: true,
      percentAgreement: null,
      percentClient: null,
      percentPractitioner: null,
      kappa: null,
      ci: null,
      se: null,
      p: null,
    },
  ],
};

export const scaleQuality: ScaleQuality = {
  studyId: STUDY_ID,
  minN: 10,
  responseRule: 'first response per client',
  scales: [
    {
      instrumentId: 'klik-alliance',
      instrumentVersion: '1.1.0',
      scale: 'total',
      label: 'Klik alliance scale: total',
      items: 15,
      n: 96,
      suppressed: false,
      alpha: 0.91,
      alphaCi: [0.88, 0.93],
      omega: 0.92,
    },
    {
      instrumentId: 'klik-alliance',
      instrumentVersion: '1.1.0',
      scale: 'bond',
      label: 'Klik alliance scale: Bond',
      items: 3,
      n: 96,
      suppressed: false,
      alpha: 0.78,
      alphaCi: [0.7, 0.84],
      omega: 0.79,
    },
    {
      instrumentId: 'klik-checkin',
      instrumentVersion: '1.0.0',
      scale: 'hope',
      label: 'Klik session check-in: Hope',
      items: 2,
      n: 8,
      suppressed: true,
      alpha: null,
      alphaCi: null,
      omega: null,
    },
  ],
};

export const alerts: Alerts = {
  studyId: STUDY_ID,
  rules: { allianceDrop: 0.6, reliableDeterioration: true, outcomeInstruments: ['phq-9', 'gad-7'] },
  nClients: 24,
  alerts: [
    {
      participantId: 'p-12',
      participantCode: 'KLIK-0012',
      rule: 'alliance_drop',
      instrumentId: 'klik-alliance',
      from: {
        timepointKey: 'session',
        timepointKind: 'session',
        sessionNumber: 3,
        value: 4.2,
        date: '2026-10-02T10:00:00.000Z',
      },
      to: {
        timepointKey: 'session',
        timepointKind: 'session',
        sessionNumber: 4,
        value: 3.4,
        date: '2026-10-09T10:00:00.000Z',
      },
      change: -0.8,
      threshold: 0.6,
    },
    {
      participantId: 'p-30',
      participantCode: 'KLIK-0030',
      rule: 'reliable_deterioration',
      instrumentId: 'phq-9',
      from: {
        timepointKey: 'baseline',
        timepointKind: 'baseline',
        sessionNumber: null,
        value: 8,
        date: null,
      },
      to: { timepointKey: 'end', timepointKind: 'end', sessionNumber: null, value: 15, date: null },
      change: 7,
      threshold: 6,
    },
  ],
};
