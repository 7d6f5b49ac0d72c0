import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { ChangeCutoffDto, ChangeInstrumentDto, ReliableChangeDto } from '../../analyses/dto/analysis.dto';

export const SUPPRESSION_REASONS = ['primary', 'secondary'] as const;
/** Why a value is null: `primary` (a count or basis under KLIK_ANALYSIS_MIN_N), `secondary` (protects one). */
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

const REASON: ApiPropertyOptions = {
  enum: SUPPRESSION_REASONS,
  nullable: true,
  description:
    'null: shown. primary: a count under KLIK_ANALYSIS_MIN_N, or a statistic on fewer participants. secondary: ' +
    'hidden so that a primary cell cannot be recovered by subtraction from a total (or from a shown complement)',
};

const CI: ApiPropertyOptions = {
  type: [Number],
  nullable: true,
  minItems: 2,
  maxItems: 2,
  description: '95% confidence interval',
};

/** A count (people or invitations); `value` is null exactly when `suppressed` is set. */
export class CountCellDto {
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty(REASON) suppressed!: SuppressionReason | null;
}

/** A percentage of a count; shown only when its numerator and denominator counts are shown. */
export class PercentCellDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Percent (0-100)' }) value!: number | null;
  @ApiProperty(REASON) suppressed!: SuppressionReason | null;
}

/** Pre-post effect size: standardised mean change with raw-score (baseline sd) standardisation. */
export class EffectSizeCellDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Bias-corrected standardised mean change (end - baseline) / sd(baseline), Becker 1988 (metafor "SMCR"); ' +
      'negative = fewer symptoms at the end for PHQ-9 and GAD-7',
  })
  estimate!: number | null;
  @ApiProperty({
    ...CI,
    description: '95% CI, large-sample variance 2(1 - r)/n + g^2/(2n)',
  } as ApiPropertyOptions)
  ci!: [number, number] | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Participants with a baseline and an end score' })
  n!: number | null;
  @ApiProperty(REASON) suppressed!: SuppressionReason | null;
}

/** Alliance-outcome correlation of one institution: one row of the forest plot. */
export class InstitutionCorrelationDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Pearson r of the mean klik-alliance over sessions and the change (end - baseline) on the instrument',
  })
  estimate!: number | null;
  @ApiProperty({ ...CI, description: '95% CI (Fisher z)' } as ApiPropertyOptions) ci!:
    [number, number] | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Participants with both values' }) n!:
    number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Random-effects weight in the pooled estimate, percent; null when not pooled',
  })
  weight!: number | null;
  @ApiProperty(REASON) suppressed!: SuppressionReason | null;
}

/** This institution minus the rest (the other institutions whose value is shown in this response, pooled). */
export class DifferenceDto {
  @ApiProperty({ type: Number, nullable: true, description: 'This institution minus the rest' })
  estimate!: number | null;
  @ApiProperty(CI) ci!: [number, number] | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Two-sided p of no difference' }) p!:
    number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The value of the rest (same scale as the row value)',
  })
  rest!: number | null;
  @ApiProperty({ description: 'Institutions pooled into the rest' }) restInstitutions!: number;
  @ApiProperty(REASON) suppressed!: SuppressionReason | null;
}

export class VersusRestDto {
  @ApiProperty({
    type: DifferenceDto,
    description:
      'Percentage points; Newcombe (1998) hybrid score interval, p from the pooled two-proportion z test',
  })
  responseRate!: DifferenceDto;
  @ApiProperty({ type: DifferenceDto, description: 'Percentage points; as responseRate' })
  percentReliablyImproved!: DifferenceDto;
  @ApiProperty({ type: DifferenceDto, description: 'Percentage points; as responseRate' })
  percentRecovered!: DifferenceDto;
  @ApiProperty({
    type: DifferenceDto,
    description: 'Difference of the standardised mean changes; Wald interval with the summed variances',
  })
  effectSize!: DifferenceDto;
  @ApiProperty({
    type: DifferenceDto,
    description:
      'Difference on the Fisher z scale, atanh(r) - atanh(r rest), with its 95% CI and p (compareCorrelations); ' +
      '`rest` is the pooled Pearson r of the rest (from merged co-moments)',
  })
  correlation!: DifferenceDto;
}

export class ComparisonInstitutionDto {
  @ApiProperty({
    example: 'Institution B',
    description: 'Letter by order of joining the study (first cohort), the same for every viewer',
  })
  label!: string;
  @ApiProperty({ type: String, nullable: true, description: "Only for the caller's own institution" })
  name!: string | null;
  @ApiProperty({ description: "The caller's own institution (counts always shown)" }) own!: boolean;
  @ApiProperty({ type: CountCellDto, description: 'Participants enrolled (withdrawn excluded)' })
  participants!: CountCellDto;
  @ApiProperty({ type: CountCellDto, description: 'Invitation links handed out (revoked ones excluded)' })
  invitationsSent!: CountCellDto;
  @ApiProperty({ type: CountCellDto }) invitationsCompleted!: CountCellDto;
  @ApiProperty({ type: PercentCellDto, description: 'Completed / sent invitations, percent' })
  responseRate!: PercentCellDto;
  @ApiProperty({ type: CountCellDto, description: 'Participants with a baseline and an end score' })
  changeN!: CountCellDto;
  @ApiProperty({
    type: CountCellDto,
    description: 'Reliably improved (recovered or improved, Jacobson & Truax)',
  })
  reliablyImproved!: CountCellDto;
  @ApiProperty({ type: CountCellDto, description: 'Recovered: reliably improved and crossed the cut-off' })
  recovered!: CountCellDto;
  @ApiProperty({ type: PercentCellDto }) percentReliablyImproved!: PercentCellDto;
  @ApiProperty({ type: PercentCellDto }) percentRecovered!: PercentCellDto;
  @ApiProperty({ type: EffectSizeCellDto }) effectSize!: EffectSizeCellDto;
  @ApiProperty({ type: InstitutionCorrelationDto }) correlation!: InstitutionCorrelationDto;
  @ApiProperty({ type: VersusRestDto }) versusRest!: VersusRestDto;
}

/** Sums over every institution taking part, suppressed where a hidden cell could otherwise be recovered. */
export class ComparisonTotalDto {
  @ApiProperty({ type: CountCellDto }) participants!: CountCellDto;
  @ApiProperty({ type: CountCellDto }) invitationsSent!: CountCellDto;
  @ApiProperty({ type: CountCellDto }) invitationsCompleted!: CountCellDto;
  @ApiProperty({ type: PercentCellDto }) responseRate!: PercentCellDto;
  @ApiProperty({ type: CountCellDto }) changeN!: CountCellDto;
  @ApiProperty({ type: CountCellDto }) reliablyImproved!: CountCellDto;
  @ApiProperty({ type: CountCellDto }) recovered!: CountCellDto;
  @ApiProperty({ type: PercentCellDto }) percentReliablyImproved!: PercentCellDto;
  @ApiProperty({ type: PercentCellDto }) percentRecovered!: PercentCellDto;
  @ApiProperty({ type: CountCellDto, description: 'Participants with a mean alliance and a change score' })
  correlationN!: CountCellDto;
}

/** The pooled alliance-outcome correlation: the diamond and prediction interval of the forest plot. */
export class PooledCorrelationDto {
  @ApiProperty({ enum: ['REML'] }) method!: 'REML';
  @ApiProperty({
    enum: ['adhoc', 'z'],
    description:
      'Hartung-Knapp with its factor truncated at 1 (t, k - 1 df; Röver et al. 2015); z when k = 1',
  })
  test!: 'adhoc' | 'z';
  @ApiProperty({ description: 'Institutions pooled: those whose correlation is shown' }) k!: number;
  @ApiProperty({ type: [String], description: 'Labels of the pooled institutions, in row order' })
  institutions!: string[];
  @ApiProperty() estimate!: number;
  @ApiProperty(CI) ci!: [number, number];
  @ApiProperty({ ...CI, description: '95% prediction interval of a new institution' } as ApiPropertyOptions)
  predictionInterval!: [number, number];
  @ApiProperty({ description: 'Two-sided p of the pooled Fisher z' }) p!: number;
  @ApiProperty({ description: 'Between-institution variance, Fisher z scale' }) tau2!: number;
  @ApiProperty({ description: 'I^2, percent' }) i2!: number;
  @ApiProperty({ description: "Cochran's Q" }) q!: number;
  @ApiProperty() qDf!: number;
  @ApiProperty() qP!: number;
}

export class ComparisonDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ type: ChangeInstrumentDto }) instrument!: ChangeInstrumentDto;
  @ApiProperty({ type: ChangeCutoffDto }) cutoff!: ChangeCutoffDto;
  @ApiProperty({ type: ReliableChangeDto }) reliableChange!: ReliableChangeDto;
  @ApiProperty({ description: 'KLIK_ANALYSIS_MIN_N: smallest count or basis shown' }) minN!: number;
  @ApiProperty({
    type: [ComparisonInstitutionDto],
    description: 'Every institution running a cohort in the study, by order of joining',
  })
  institutions!: ComparisonInstitutionDto[];
  @ApiProperty({ type: ComparisonTotalDto }) total!: ComparisonTotalDto;
  @ApiProperty({
    type: PooledCorrelationDto,
    nullable: true,
    description: 'null when no institution shows a correlation',
  })
  pooled!: PooledCorrelationDto | null;
}
