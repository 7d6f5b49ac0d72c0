import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class CreateCohortDto {
  @ApiProperty({ maxLength: 120, example: 'Utrecht outpatient' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The institution that runs the cohort; default: your own',
  })
  @IsOptional()
  @IsUUID('all')
  institutionId?: string;
}

export class UpdateCohortDto {
  @ApiProperty({ maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;
}

export class CohortSafetyContactDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'An active staff member of your institution, told at once when a participant of this cohort endorses a risk ' +
      'item; null removes it (then your institution admins are told)',
  })
  @ValidateIf((body: { userId?: unknown }) => body.userId !== null)
  @IsUUID('all')
  userId!: string | null;
}

export class CohortDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) institutionId!: string;
  @ApiProperty() institutionName!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      "A partner cohort's safety contact (else its institution's admins are told); shown to the cohort's institution only",
  })
  safetyContactUserId!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class CohortListDto {
  @ApiProperty({ type: [CohortDto] }) items!: CohortDto[];
}
