import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

const CI: ApiPropertyOptions = {
  type: [Number],
  nullable: true,
  minItems: 2,
  maxItems: 2,
  description: '95% confidence interval',
};

export class AnalysisVariableDto {
  @ApiProperty({ example: 'alliance' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Clients with a value' }) n!: number;
}

export class CorrelationCellDto {
  @ApiProperty() x!: string;
  @ApiProperty() y!: string;
  @ApiProperty({ description: 'Clients with both values' }) n!: number;
  @ApiProperty({ description: 'n below the minimum: no statistic is shown' }) suppressed!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'r, rho or tau-b' }) estimate!: number | null;
  @ApiProperty({ ...CI, description: '95% CI (Pearson only, Fisher z)' } as ApiPropertyOptions) ci!:
    [number, number] | null;
  @ApiProperty({ type: Number, nullable: true }) p!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'p adjusted over the shown pairs' })
  pAdjusted!: number | null;
}

export class CorrelationsDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ enum: ['pearson', 'spearman', 'kendall'] }) method!: 'pearson' | 'spearman' | 'kendall';
  @ApiProperty({ enum: ['none', 'holm', 'BH'] }) adjust!: 'none' | 'holm' | 'BH';
  @ApiProperty({ description: 'Minimum number of participants for a statistic (KLIK_ANALYSIS_MIN_N)' })
  minN!: number;
  @ApiProperty({ description: 'Clients with any score in the selection' }) nClients!: number;
  @ApiProperty({ type: [AnalysisVariableDto] }) variables!: AnalysisVariableDto[];
  @ApiProperty({ type: [CorrelationCellDto], description: 'Each distinct pair once (upper triangle)' })
  cells!: CorrelationCellDto[];
}

export class CorrelationStatisticDto {
  @ApiProperty() suppressed!: boolean;
  @ApiProperty({ type: Number, nullable: true }) estimate!: number | null;
  @ApiProperty(CI) ci!: [number, number] | null;
  @ApiProperty({ type: Number, nullable: true }) p!: number | null;
  @ApiProperty({ type: Number, nullable: true }) df!: number | null;
}

export class SessionVariableDto {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
}

export class WithinPersonDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ type: SessionVariableDto }) x!: SessionVariableDto;
  @ApiProperty({ type: SessionVariableDto }) y!: SessionVariableDto;
  @ApiProperty() minN!: number;
  @ApiProperty({ description: 'Clients with at least one session with both measures' }) nClients!: number;
  @ApiProperty({ description: 'Sessions with both measures' }) nObservations!: number;
  @ApiProperty({
    type: CorrelationStatisticDto,
    description: 'Repeated-measures correlation (Bakdash & Marusich 2017)',
  })
  within!: CorrelationStatisticDto;
  @ApiProperty({ type: CorrelationStatisticDto, description: "Pearson correlation of the clients' means" })
  between!: CorrelationStatisticDto;
}

export class ChangeCountsDto {
  @ApiProperty() recovered!: number;
  @ApiProperty() improved!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() deteriorated!: number;
}

export class ChangeGroupDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: all selected cohorts' })
  cohortId!: string | null;
  @ApiProperty({ type: String, nullable: true }) cohortName!: string | null;
  @ApiProperty({ description: 'Clients with a baseline and an end score' }) n!: number;
  @ApiProperty() suppressed!: boolean;
  @ApiProperty({ type: ChangeCountsDto, nullable: true }) counts!: ChangeCountsDto | null;
  @ApiProperty({ type: ChangeCountsDto, nullable: true, description: 'Percent of n' })
  percentages!: ChangeCountsDto | null;
}

export class ChangeInstrumentDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: string;
  @ApiProperty() scoringVersion!: string;
}

export class ChangeCutoffDto {
  @ApiProperty() value!: number;
  @ApiProperty({ enum: ['at_or_above', 'at_or_below'] }) direction!: string;
  @ApiProperty() meaning!: string;
}

export class ReliableChangeDto {
  @ApiProperty({ description: 'Reliable change: a change of at least this many points' }) value!: number;
  @ApiProperty({ enum: ['decrease', 'increase'] }) improvement!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ description: 'The threshold libs/stats applied: |change| above it is reliable' })
  threshold!: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Change: what a pre/post scatter "as CORE Net draws it" needs (added to ChangeDto, backward compatible).

export class ChangePointDto {
  @ApiProperty({ description: 'Score at baseline' }) pre!: number;
  @ApiProperty({ description: 'Score at the post measure (end, or the timepointId filter)' }) post!: number;
  @ApiProperty({ enum: ['recovered', 'improved', 'unchanged', 'deteriorated'] }) category!:
    'recovered' | 'improved' | 'unchanged' | 'deteriorated';
}

export class ChangeBandDto {
  @ApiProperty({
    description:
      'Half-width of the band of no reliable change around the diagonal post = pre: a client with |post - pre| ' +
      'at most this value did not change reliably (the reliable change threshold libs/stats applied)',
  })
  halfWidth!: number;
  @ApiProperty({
    type: [Number],
    description: 'Lowest and highest possible score of the instrument (axis range)',
  })
  scoreRange!: [number, number];
}

export class ChangeExclusionsDto {
  @ApiProperty({ description: 'No baseline score' }) no_pre!: number;
  @ApiProperty({ description: 'No score at the post measure' }) no_post!: number;
  @ApiProperty({ description: 'Pre and post scored under versions whose totals cannot be compared' })
  versions_not_comparable!: number;
}

export class PostMeasureDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: every timepoint of kind end',
  })
  timepointId!: string | null;
  @ApiProperty({ example: 'end' }) timepointKind!: string;
}

export class ChangeDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ type: ChangeInstrumentDto }) instrument!: ChangeInstrumentDto;
  @ApiProperty({ type: ChangeCutoffDto }) cutoff!: ChangeCutoffDto;
  @ApiProperty({ type: ReliableChangeDto }) reliableChange!: ReliableChangeDto;
  @ApiProperty() minN!: number;
  @ApiProperty({ type: ChangeGroupDto }) all!: ChangeGroupDto;
  @ApiProperty({ type: [ChangeGroupDto] }) cohorts!: ChangeGroupDto[];
  @ApiProperty({
    type: [ChangePointDto],
    description:
      'Pre/post scatter: one point per client with both scores, no identifiers, sorted by pre then post; empty ' +
      'when the whole selection is under minN',
  })
  points!: ChangePointDto[];
  @ApiProperty({
    type: ChangeBandDto,
    description: 'The band of no reliable change around the diagonal',
  })
  band!: ChangeBandDto;
  @ApiProperty({
    type: PostMeasureDto,
    description: 'The post measure compared with baseline',
  })
  post!: PostMeasureDto;
  @ApiProperty({
    type: ChangeExclusionsDto,
    description:
      'Clients of the selection without a pre/post pair, by reason (libs/survey-model/docs/outcome-change.md)',
  })
  excluded!: ChangeExclusionsDto;
}

export class DyadAgreementDto {
  @ApiProperty({ example: 'struggles', description: 'Disclosure content type (DISCLOSURE_CONTENT_CODES)' })
  contentType!: string;
  @ApiProperty({
    description: 'Sessions (client, session number) with both a klik-disclosure and a session log',
  })
  n!: number;
  @ApiProperty({ description: 'Clients among those sessions; below minN the statistics are suppressed' })
  nClients!: number;
  @ApiProperty() suppressed!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Percent of the sessions where client and practitioner agree (shared / not shared)',
  })
  percentAgreement!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Percent of the sessions where the client saw it shared',
  })
  percentClient!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Percent of the sessions where the practitioner logged it shared',
  })
  percentPractitioner!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Cohen's kappa (libs/stats cohensKappa); null when undefined (e.g. nobody shared this type)",
  })
  kappa!: number | null;
  @ApiProperty({
    ...CI,
    description: '95% CI (asymptotic SE, Fleiss, Cohen & Everitt 1969)',
  } as ApiPropertyOptions)
  ci!: [number, number] | null;
  @ApiProperty({ type: Number, nullable: true }) se!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Two-sided Wald p of kappa = 0' }) p!:
    number | null;
}

export class DyadsDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty() minN!: number;
  @ApiProperty({
    description: 'Sessions with both a client klik-disclosure and a practitioner klik-session-log',
  })
  nDyads!: number;
  @ApiProperty({ description: 'Clients with at least one such session' }) nClients!: number;
  @ApiProperty({
    type: [DyadAgreementDto],
    description: 'One entry per content type, in DISCLOSURE_CONTENT_CODES order',
  })
  contentTypes!: DyadAgreementDto[];
}

// ---------------------------------------------------------------------------------------------------------------
// Scatter of two person-level measures (the variable keys of the correlation table).

export class ScatterPointDto {
  @ApiProperty() x!: number;
  @ApiProperty() y!: number;
}

export class EstimateDto {
  @ApiProperty() estimate!: number;
  @ApiProperty({ description: 'Standard error' }) se!: number;
  @ApiProperty(CI) ci!: [number, number] | null;
}

export class RegressionLineDto {
  @ApiProperty({ type: EstimateDto, description: 'Intercept (t-based 95% CI, df = n - 2)' })
  intercept!: EstimateDto;
  @ApiProperty({ type: EstimateDto, description: 'Slope (t-based 95% CI, df = n - 2)' }) slope!: EstimateDto;
  @ApiProperty({ description: 'Residual standard error (sigma)' }) residualSe!: number;
  @ApiProperty() rSquared!: number;
  @ApiProperty({ description: 'Residual degrees of freedom, n - 2' }) df!: number;
}

export class BandPointDto {
  @ApiProperty() x!: number;
  @ApiProperty({ description: 'Fitted value' }) fit!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Lower 95% confidence limit of the mean' })
  lower!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Upper 95% confidence limit of the mean' })
  upper!: number | null;
}

export class ScatterDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ type: SessionVariableDto, description: 'A variable key of the correlation table' })
  x!: SessionVariableDto;
  @ApiProperty({ type: SessionVariableDto }) y!: SessionVariableDto;
  @ApiProperty() minN!: number;
  @ApiProperty({ description: 'Clients with both values' }) n!: number;
  @ApiProperty({ description: 'n below minN: no points, no statistics' }) suppressed!: boolean;
  @ApiProperty({
    type: [ScatterPointDto],
    description: 'One point per client, no identifiers, sorted by x then y (empty when suppressed)',
  })
  points!: ScatterPointDto[];
  @ApiProperty({ type: CorrelationStatisticDto, description: 'Pearson r with its Fisher-z 95% CI' })
  correlation!: CorrelationStatisticDto;
  @ApiProperty({
    type: RegressionLineDto,
    nullable: true,
    description: 'Ordinary least squares of y on x; null when suppressed or x is constant',
  })
  regression!: RegressionLineDto | null;
  @ApiProperty({
    type: [BandPointDto],
    description: 'Fitted line with the 95% confidence band of the mean at ~50 x values across the x range',
  })
  band!: BandPointDto[];
}

// ---------------------------------------------------------------------------------------------------------------
// Trajectories: session series per client, the mean per session and the mixed-model trajectory.

export class SessionPointDto {
  @ApiProperty({ description: 'Session number' }) session!: number;
  @ApiProperty() value!: number;
}

export class TrajectorySeriesDto {
  @ApiProperty({
    description: 'Anonymous series index (1, 2, ...), in no meaningful order; not a participant id',
  })
  series!: number;
  @ApiProperty({ type: [SessionPointDto], description: 'Sorted by session' }) points!: SessionPointDto[];
}

export class SessionMeanDto {
  @ApiProperty() session!: number;
  @ApiProperty({ description: 'Clients with a value at this session' }) n!: number;
  @ApiProperty({ description: 'n below minN: no mean shown' }) suppressed!: boolean;
  @ApiProperty({ type: Number, nullable: true }) mean!: number | null;
  @ApiProperty({
    ...CI,
    description: '95% CI of the mean (t, n - 1 df); null when n < 2',
  } as ApiPropertyOptions)
  ci!: [number, number] | null;
}

export class VarianceComponentsDto {
  @ApiProperty({ description: 'Variance of the random intercepts' }) intercept!: number;
  @ApiProperty({ description: 'Variance of the random slopes' }) slope!: number;
  @ApiProperty({ description: 'Covariance of random intercept and slope' }) covariance!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Correlation of random intercept and slope' })
  correlation!: number | null;
  @ApiProperty({ description: 'Residual variance' }) residual!: number;
}

export class MixedModelDto {
  @ApiProperty({
    type: EstimateDto,
    description: 'Fixed intercept: the mean at session 0 (Wald 95% CI, normal quantile)',
  })
  intercept!: EstimateDto;
  @ApiProperty({ type: EstimateDto, description: 'Fixed slope per session (Wald 95% CI)' })
  slope!: EstimateDto;
  @ApiProperty({ type: VarianceComponentsDto }) variance!: VarianceComponentsDto;
  @ApiProperty({ description: 'A variance component is 0 or the correlation is +/-1 (lme4 isSingular)' })
  singular!: boolean;
  @ApiProperty() converged!: boolean;
  @ApiProperty({ description: 'Observations used' }) nObservations!: number;
  @ApiProperty({ description: 'Clients used' }) nClients!: number;
  @ApiProperty({
    type: [BandPointDto],
    description:
      'Fitted mean line per session over the observed session range, with its 95% Wald band when known',
  })
  fitted!: BandPointDto[];
}

export class TrajectoriesDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ type: SessionVariableDto }) variable!: SessionVariableDto;
  @ApiProperty() minN!: number;
  @ApiProperty({ description: 'Clients with at least one session value' }) nClients!: number;
  @ApiProperty({ description: 'Session values' }) nObservations!: number;
  @ApiProperty({ description: 'nClients below minN: no series, means or model' }) suppressed!: boolean;
  @ApiProperty({ type: [TrajectorySeriesDto] }) series!: TrajectorySeriesDto[];
  @ApiProperty({ type: [SessionMeanDto], description: 'One entry per session number, ascending' })
  means!: SessionMeanDto[];
  @ApiProperty({
    type: MixedModelDto,
    nullable: true,
    description:
      'linearMixedModel (REML; random intercept and slope of session per client); null when suppressed or not estimable',
  })
  model!: MixedModelDto | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Scale quality: internal consistency of each scale and subscale in this sample.

export class ScaleQualityEntryDto {
  @ApiProperty({ example: 'klik-alliance' }) instrumentId!: string;
  @ApiProperty({ example: '1.0.0' }) instrumentVersion!: string;
  @ApiProperty({ example: 'total', description: "'total' or a subscale id" }) scale!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Number of items' }) items!: number;
  @ApiProperty({ description: 'Clients with every item of the scale answered (listwise)' }) n!: number;
  @ApiProperty() suppressed!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: "Cronbach's alpha (raw, reverse-keyed items)" })
  alpha!: number | null;
  @ApiProperty({ ...CI, description: 'Feldt 95% CI of alpha' } as ApiPropertyOptions) alphaCi!:
    [number, number] | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "McDonald's omega total (one-factor ML); null with fewer than 3 items",
  })
  omega!: number | null;
}

export class ScaleQualityDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty() minN!: number;
  @ApiProperty({
    description: 'Which response per client and instrument is used (the first in protocol order)',
  })
  responseRule!: string;
  @ApiProperty({ type: [ScaleQualityEntryDto] }) scales!: ScaleQualityEntryDto[];
}

// ---------------------------------------------------------------------------------------------------------------
// Alerts: the practitioner view.

export class AlertMeasureDto {
  @ApiProperty({ example: 'session' }) timepointKey!: string;
  @ApiProperty({ enum: ['baseline', 'session', 'end', 'follow_up'] }) timepointKind!: string;
  @ApiProperty({ type: Number, nullable: true }) sessionNumber!: number | null;
  @ApiProperty() value!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was submitted' })
  date!: string | null;
}

export class AlertDto {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ description: "Pseudonymous code (own institution's staff only)" }) participantCode!: string;
  @ApiProperty({ enum: ['alliance_drop', 'reliable_deterioration'] }) rule!:
    'alliance_drop' | 'reliable_deterioration';
  @ApiProperty({ example: 'klik-alliance' }) instrumentId!: string;
  @ApiProperty({ type: AlertMeasureDto, description: 'Earlier measure (previous session, or baseline)' })
  from!: AlertMeasureDto;
  @ApiProperty({
    type: AlertMeasureDto,
    description: 'Later measure (the session after, or the latest measure)',
  })
  to!: AlertMeasureDto;
  @ApiProperty({ description: 'to.value - from.value' }) change!: number;
  @ApiProperty({ description: 'The rule threshold that was met (points)' }) threshold!: number;
}

export class AlertRulesDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Alliance drop threshold; null when the rule is off',
  })
  allianceDrop!: number | null;
  @ApiProperty({ description: 'Reliable deterioration rule on' }) reliableDeterioration!: boolean;
  @ApiProperty({ type: [String], example: ['phq-9', 'gad-7'] }) outcomeInstruments!: string[];
}

export class AlertsDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ type: AlertRulesDto }) rules!: AlertRulesDto;
  @ApiProperty({ description: 'Clients checked (in scope after the filters)' }) nClients!: number;
  @ApiProperty({
    type: [AlertDto],
    description: 'Newest first. Not suppressed under min-n: it is a caseload list, not a statistic',
  })
  alerts!: AlertDto[];
}
