import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/;
export const CODE_RULE = 'code must be 3 to 40 letters, digits, - or _ (a pseudonym, never a name)';

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
}

export class ParticipantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ format: 'uuid' }) cohortId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) practitionerId!: string | null;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status!: string;
  @ApiProperty() enrolledAt!: Date;
}

export class ParticipantListDto {
  @ApiProperty({ type: [ParticipantDto] }) items!: ParticipantDto[];
  @ApiProperty() total!: number;
}

export class ImportResultDto {
  @ApiProperty() created!: number;
  @ApiProperty({ type: [ParticipantDto] }) items!: ParticipantDto[];
}
