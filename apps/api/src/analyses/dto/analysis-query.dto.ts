import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  CHANGE_INSTRUMENTS,
  SESSION_VARIABLES,
  type ChangeInstrument,
  type SessionVariable,
} from '../analysis-variables';

export const CORRELATION_METHODS = ['pearson', 'spearman', 'kendall'] as const;
export const P_ADJUSTMENTS = ['none', 'holm', 'BH'] as const;

/** Filters shared by every analysis: a cohort and a practitioner (both optional). */
export class AnalysisFilterQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only participants of this cohort' })
  @IsOptional()
  @IsUUID('all')
  cohortId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only clients of this practitioner' })
  @IsOptional()
  @IsUUID('all')
  practitionerId?: string;
}

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
