import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  CHANGE_INSTRUMENTS,
  PERSON_VARIABLES,
  SESSION_VARIABLES,
  TRAJECTORY_VARIABLES,
  type ChangeInstrument,
  type PersonVariable,
  type SessionVariable,
  type TrajectoryVariable,
} from '../analysis-variables';

export const CORRELATION_METHODS = ['pearson', 'spearman', 'kendall'] as const;
export const P_ADJUSTMENTS = ['none', 'holm', 'BH'] as const;

/** Filters shared by every analysis: cohort, practitioner, timepoint and instrument version (all optional). */
export class AnalysisFilterQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only participants of this cohort' })
  @IsOptional()
  @IsUUID('all')
  cohortId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only clients of this practitioner' })
  @IsOptional()
  @IsUUID('all')
  practitionerId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only scores of this timepoint (change and alerts: the post measure compared with baseline); see ' +
      'apps/api/docs/analyses.md for what it means per analysis',
  })
  @IsOptional()
  @IsUUID('all')
  timepointId?: string;

  @ApiPropertyOptional({ example: '1.0.0', description: 'Only scores answered on this instrument version' })
  @IsOptional()
  @Matches(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, { message: 'instrumentVersion must be a version like 1.0.0' })
  instrumentVersion?: string;
}

/** A number from the query string; anything that is not a plain decimal is left for the validator to refuse. */
const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;

/** A comma-separated list (or a repeated parameter) from the query string. */
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value;

export class CorrelationsQuery extends AnalysisFilterQuery {
  @ApiPropertyOptional({ enum: CORRELATION_METHODS, default: 'pearson' })
  @IsOptional()
  @IsIn(CORRELATION_METHODS)
  method?: (typeof CORRELATION_METHODS)[number];

  @ApiPropertyOptional({
    enum: P_ADJUSTMENTS,
    default: 'none',
    description: 'Adjustment over the shown pairs',
  })
  @IsOptional()
  @IsIn(P_ADJUSTMENTS)
  adjust?: (typeof P_ADJUSTMENTS)[number];
}

export class WithinPersonQuery extends AnalysisFilterQuery {
  @ApiPropertyOptional({ enum: SESSION_VARIABLES, default: 'alliance' })
  @IsOptional()
  @IsIn(SESSION_VARIABLES)
  x?: SessionVariable;

  @ApiPropertyOptional({ enum: SESSION_VARIABLES, default: 'checkin' })
  @IsOptional()
  @IsIn(SESSION_VARIABLES)
  y?: SessionVariable;
}

export class ChangeQuery extends AnalysisFilterQuery {
  @ApiPropertyOptional({ enum: CHANGE_INSTRUMENTS, default: 'phq-9' })
  @IsOptional()
  @IsIn(CHANGE_INSTRUMENTS)
  instrument?: ChangeInstrument;
}

export class DyadsQuery extends AnalysisFilterQuery {}

export class ScatterQuery extends AnalysisFilterQuery {
  @ApiPropertyOptional({
    enum: PERSON_VARIABLES,
    default: 'alliance',
    description: 'A correlation-table variable',
  })
  @IsOptional()
  @IsIn(PERSON_VARIABLES)
  x?: PersonVariable;

  @ApiPropertyOptional({ enum: PERSON_VARIABLES, default: 'phq9.change' })
  @IsOptional()
  @IsIn(PERSON_VARIABLES)
  y?: PersonVariable;
}

export class TrajectoriesQuery extends AnalysisFilterQuery {
  @ApiPropertyOptional({
    enum: TRAJECTORY_VARIABLES,
    default: 'alliance',
    description: "A session variable; 'disclosure' is the perceived-disclosure frequency (0-3)",
  })
  @IsOptional()
  @IsIn(TRAJECTORY_VARIABLES)
  variable?: TrajectoryVariable;
}

export class ScaleQualityQuery extends AnalysisFilterQuery {}

export const ALERT_RULES = ['alliance_drop', 'reliable_deterioration'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];
/** Default alliance drop (klik-alliance mean, 1-5): see apps/api/docs/analyses.md for why. */
export const DEFAULT_ALLIANCE_DROP = 0.6;

export class AlertsQuery extends AnalysisFilterQuery {
  @ApiPropertyOptional({
    type: [String],
    enum: ALERT_RULES,
    default: ALERT_RULES,
    description: 'Rules to apply, comma-separated',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ALERT_RULES, { each: true })
  rules?: AlertRule[];

  @ApiPropertyOptional({
    default: DEFAULT_ALLIANCE_DROP,
    minimum: 0.1,
    maximum: 4,
    description:
      'Alliance drop rule: klik-alliance (mean of 15 items, 1-5) falls by at least this much between consecutive sessions',
  })
  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(4)
  allianceDrop?: number;
}
