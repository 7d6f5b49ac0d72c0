import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { SAFETY_SIGNAL_STATUSES, type SafetySignalStatus } from '../safety-signal.entity';

const RISK_KINDS = [
  'suicidality',
  'substance_use',
  'violence',
  'hopelessness',
  'very_low_wellbeing',
] as const;

export class SafetySignalQuery {
  @ApiPropertyOptional({ enum: [...SAFETY_SIGNAL_STATUSES, 'all'], default: 'open' })
  @IsOptional()
  @IsIn([...SAFETY_SIGNAL_STATUSES, 'all'])
  status?: SafetySignalStatus | 'all';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  studyId?: string;

  @ApiPropertyOptional({
    enum: ['nl', 'en'],
    description: 'Language of the item labels; default: the Accept-Language header, else English',
  })
  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';

  @ApiPropertyOptional({ description: '1–500, default 100', default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'default 0', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}

export class SafetyLanguageQuery {
  @ApiPropertyOptional({
    enum: ['nl', 'en'],
    description: 'Language of the item labels; default: the Accept-Language header, else English',
  })
  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';
}

export class AcknowledgeSafetySignalDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 1000,
    description: 'What was done or arranged (required): e.g. "Called the client, appointment tomorrow"',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  @Matches(/\S/, { message: 'note must not be blank' })
  note!: string;
}

export class SafetySignalItemDto {
  @ApiProperty({ example: 'phq9_9', description: 'The item id' }) item!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2,
    description: 'The answer value that endorsed it; null once erased by a withdrawal under erase_responses',
  })
  value!: number | null;
  @ApiProperty({ enum: RISK_KINDS }) kind!: string;
  @ApiProperty({ description: 'A neutral description in the requested language (never the item wording)' })
  label!: string;
}

class SafetySignalStudyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

class SafetySignalParticipantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The pseudonymous code' }) code!: string;
  @ApiProperty({ description: 'The participant withdrew after the signal (it stays, as a care record)' })
  withdrawn!: boolean;
}

class SafetySignalInstrumentDto {
  @ApiProperty({ example: 'phq-9' }) id!: string;
  @ApiProperty({ example: '1.0.0' }) version!: string;
}

class SafetySignalStaffDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class SafetySignalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: SafetySignalStudyDto }) study!: SafetySignalStudyDto;
  @ApiProperty({ type: SafetySignalParticipantDto }) participant!: SafetySignalParticipantDto;
  @ApiProperty({ type: SafetySignalInstrumentDto }) instrument!: SafetySignalInstrumentDto;
  @ApiProperty({ type: [SafetySignalItemDto] }) items!: SafetySignalItemDto[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ enum: SAFETY_SIGNAL_STATUSES }) status!: SafetySignalStatus;
  @ApiProperty({ type: SafetySignalStaffDto, nullable: true }) acknowledgedBy!: SafetySignalStaffDto | null;
  @ApiProperty({ type: Date, nullable: true }) acknowledgedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The acknowledgement note' }) note!:
    string | null;
  @ApiProperty({
    type: Date,
    nullable: true,
    description:
      'When it was escalated to the safety contact and the admins (KLIK_SAFETY_ESCALATION_MINUTES)',
  })
  escalatedAt!: Date | null;
}

export class SafetySignalListDto {
  @ApiProperty({ type: [SafetySignalDto] }) items!: SafetySignalDto[];
  @ApiProperty({ description: 'Signals matching the filters' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
