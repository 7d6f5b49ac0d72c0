import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class MonitoringQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only participants of this cohort (one of yours)' })
  @IsOptional()
  @IsUUID('all')
  cohortId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this timepoint' })
  @IsOptional()
  @IsUUID('all')
  timepointId?: string;
}

/**
 * Counts over "invited units": one per participant and timepoint (and session number, for session timepoints)
 * that has an invitation, judged by its latest invitation. Withdrawn participants are not counted.
 */
export class MonitoringCountsDto {
  @ApiProperty({ description: 'Active participants in the selection (the denominator of the cohort)' })
  participants!: number;
  @ApiProperty({ description: 'Units with a current (not revoked) invitation' }) invited!: number;
  @ApiProperty({
    description: 'Of those, the link was opened (a participant session, consent decision or answers)',
  })
  opened!: number;
  @ApiProperty({ description: 'Of those, answering began (progress saved) or finished' }) started!: number;
  @ApiProperty() completed!: number;
  @ApiProperty({ description: 'started − completed' }) startedNotFinished!: number;
  @ApiProperty({ description: 'Not completed and past the due date (see dueRule)' }) overdue!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'completed / invited (0–1); null when nobody was invited',
  })
  completionRate!: number | null;
}

export class MonitoringCohortDto extends MonitoringCountsDto {
  @ApiProperty({ format: 'uuid' }) cohortId!: string;
  @ApiProperty() cohortName!: string;
}

export class MonitoringTimepointDto {
  @ApiProperty({ format: 'uuid' }) timepointId!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ description: 'Label per language', example: { nl: 'Begin', en: 'Baseline' } })
  label!: Partial<Record<'nl' | 'en', string>>;
  @ApiProperty({ enum: ['baseline', 'session', 'end', 'follow_up', 'other'] }) kind!: string;
  @ApiProperty({ description: 'Position in the protocol' }) position!: number;
  @ApiProperty({
    enum: ['schedule', 'expiry'],
    description:
      '`schedule`: due dueAfterDays (or the last reminder day) after the invitation; `expiry`: due at the ' +
      "link's expiry (no schedule)",
  })
  dueRule!: 'schedule' | 'expiry';
  @ApiProperty({ type: [MonitoringCohortDto], description: 'One row per cohort of yours (in the filter)' })
  cohorts!: MonitoringCohortDto[];
  @ApiProperty({ type: MonitoringCountsDto, description: 'All shown cohorts together' })
  total!: MonitoringCountsDto;
}

/** One published consent version and how many of the selected participants' latest consent is to it. */
export class MonitoringConsentVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Publishing it asked everyone on an older version to consent again' })
  requiresReconsent!: boolean;
  @ApiProperty() publishedAt!: Date;
  @ApiProperty({ description: 'Active participants whose latest consent is to this version' }) participants!: number;
}

/**
 * Consent per version (issue 11), over the same participants as the counts (your institution's active participants
 * in the cohort filter; a practitioner: their clients). The timepoint filter does not apply: consent is per
 * participant.
 */
export class MonitoringConsentDto {
  @ApiProperty({ type: Number, nullable: true, description: 'The newest version (what a first consent is to)' })
  currentVersion!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The newest version that asks for renewed consent; null when none does',
  })
  renewalVersion!: number | null;
  @ApiProperty({ type: [MonitoringConsentVersionDto], description: 'Every version, oldest first' })
  versions!: MonitoringConsentVersionDto[];
  @ApiProperty({ description: 'Active participants who never consented (or declined a first time)' })
  notConsented!: number;
  @ApiProperty({ description: 'Consented to an older version than renewalVersion: asked again, not yet answered' })
  renewalPending!: number;
  @ApiProperty({ description: 'Withdrawn because they declined renewed consent (not in the other counts)' })
  declinedRenewal!: number;
}

export class MonitoringDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ description: 'The moment the counts refer to (overdue is relative to it)' }) asOf!: Date;
  @ApiProperty({ type: [MonitoringTimepointDto] }) timepoints!: MonitoringTimepointDto[];
  @ApiProperty({ type: MonitoringConsentDto }) consent!: MonitoringConsentDto;
}
