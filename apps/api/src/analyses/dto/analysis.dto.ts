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

export class ChangeDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ type: ChangeInstrumentDto }) instrument!: ChangeInstrumentDto;
  @ApiProperty({ type: ChangeCutoffDto }) cutoff!: ChangeCutoffDto;
  @ApiProperty({ type: ReliableChangeDto }) reliableChange!: ReliableChangeDto;
  @ApiProperty() minN!: number;
  @ApiProperty({ type: ChangeGroupDto }) all!: ChangeGroupDto;
  @ApiProperty({ type: [ChangeGroupDto] }) cohorts!: ChangeGroupDto[];
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
