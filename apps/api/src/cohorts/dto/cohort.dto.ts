import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateCohortDto {
  @ApiProperty({ maxLength: 120, example: 'Utrecht outpatient' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The institution that runs the cohort; default: your own' })
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

export class CohortDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) institutionId!: string;
  @ApiProperty() institutionName!: string;
  @ApiProperty() createdAt!: Date;
}

export class CohortListDto {
  @ApiProperty({ type: [CohortDto] }) items!: CohortDto[];
}
