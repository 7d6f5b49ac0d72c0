import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CHANGE_INSTRUMENTS, type ChangeInstrument } from '../../analyses/analysis-variables';

export class ComparisonQuery {
  @ApiPropertyOptional({
    enum: CHANGE_INSTRUMENTS,
    default: 'phq-9',
    description:
      'Outcome instrument of the change counts, the effect size and the alliance-outcome correlation',
  })
  @IsOptional()
  @IsIn(CHANGE_INSTRUMENTS)
  instrument?: ChangeInstrument;
}
