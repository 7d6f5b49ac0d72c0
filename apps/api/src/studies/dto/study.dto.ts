import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LocalizedTextDto } from '../../common/localized-text.dto';
import {
  LANGUAGES,
  type Language,
  STUDY_STATUSES,
  type StudyStatus,
  WITHDRAWAL_POLICIES,
  type WithdrawalPolicy,
} from '../study.entity';

export class CreateStudyDto {
  @ApiProperty({ maxLength: 200, example: 'Self-disclosure and the alliance in burn-out coaching' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ enum: LANGUAGES, isArray: true, example: ['nl', 'en'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LANGUAGES.length)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages!: Language[];

  @ApiProperty({
    enum: WITHDRAWAL_POLICIES,
    description: 'erase_responses: withdrawal deletes answers and scores; erase_link: keeps them, cuts the link to the person',
  })
  @IsIn(WITHDRAWAL_POLICIES)
  withdrawalPolicy!: WithdrawalPolicy;

  @ApiPropertyOptional({ type: LocalizedTextDto, description: 'Creates consent version 1' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  consentText?: LocalizedTextDto;
}

export class UpdateStudyDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true, description: 'Only while draft' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LANGUAGES.length)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages?: Language[];

  @ApiPropertyOptional({ enum: WITHDRAWAL_POLICIES, description: 'Only while draft' })
  @IsOptional()
  @IsIn(WITHDRAWAL_POLICIES)
  withdrawalPolicy?: WithdrawalPolicy;

  @ApiPropertyOptional({ enum: STUDY_STATUSES, description: 'draft → recruiting → closed' })
  @IsOptional()
  @IsIn(STUDY_STATUSES)
  status?: StudyStatus;
}

export class CreateConsentVersionDto {
  @ApiProperty({ type: LocalizedTextDto, description: 'Text in every language of the study' })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  text!: LocalizedTextDto;
}

export class ConsentVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: LocalizedTextDto }) text!: LocalizedTextDto;
  @ApiProperty() createdAt!: Date;
}

export class ConsentVersionListDto {
  @ApiProperty({ type: [ConsentVersionDto] }) items!: ConsentVersionDto[];
}

export class StudyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: STUDY_STATUSES }) status!: StudyStatus;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) languages!: Language[];
  @ApiProperty({ enum: WITHDRAWAL_POLICIES }) withdrawalPolicy!: WithdrawalPolicy;
  @ApiProperty({ format: 'uuid' }) ownerInstitutionId!: string;
  @ApiProperty({ description: 'True when the active institution owns the study (may edit it)' }) owned!: boolean;
  @ApiPropertyOptional({ nullable: true }) currentConsentVersion!: number | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class StudyListDto {
  @ApiProperty({ type: [StudyDto] }) items!: StudyDto[];
}
