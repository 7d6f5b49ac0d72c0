import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { QueryInt } from '../../common/query-int.decorator';

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/;
export const CODE_RULE = 'code must be 3 to 40 letters, digits, - or _ (a pseudonym, never a name)';

/** Age bands a participant may be recorded in (quasi-identifiers for the export's k-anonymity check). */
export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type Gender = (typeof GENDERS)[number];

/** Optional attributes; nothing else (no birth date, no name) is accepted. */
export class ParticipantAttributesDto {
  @ApiPropertyOptional({ enum: AGE_BANDS, example: '25-34' })
  @IsOptional()
  @IsIn(AGE_BANDS, { message: `age_band must be one of ${AGE_BANDS.join(', ')}` })
  age_band?: AgeBand;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS, { message: `gender must be one of ${GENDERS.join(', ')}` })
  gender?: Gender;
}

export class CreateParticipantDto {
  @ApiProperty({ format: 'uuid', description: 'A cohort of your institution in this study' })
  @IsUUID('all')
  cohortId!: string;

  @ApiPropertyOptional({ description: 'Pseudonymous code; generated when left out', example: 'UTR-0042' })
  @IsOptional()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_RULE })
  code?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A practitioner of your institution' })
  @IsOptional()
  @IsUUID('all')
  practitionerId?: string;

  @ApiPropertyOptional({
    type: ParticipantAttributesDto,
    description: 'Age band and gender, when known: quasi-identifiers that exports check for k-anonymity',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ParticipantAttributesDto)
  attributes?: ParticipantAttributesDto;
}

export class ParticipantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ format: 'uuid' }) cohortId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) practitionerId!: string | null;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status!: string;
  @ApiProperty() enrolledAt!: Date;
  @ApiProperty({ type: ParticipantAttributesDto }) attributes!: ParticipantAttributesDto;
}

export class ParticipantListQuery {
  @QueryInt({ fallback: 100, min: 1, max: 1000 })
  limit = 100;

  @QueryInt({ fallback: 0, min: 0, max: 10_000_000 })
  offset = 0;
}

export class ParticipantListDto {
  @ApiProperty({ type: [ParticipantDto] }) items!: ParticipantDto[];
  @ApiProperty() total!: number;
}

export class ImportResultDto {
  @ApiProperty() created!: number;
  @ApiProperty({ type: [ParticipantDto] }) items!: ParticipantDto[];
}
