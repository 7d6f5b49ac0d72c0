import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,

  Min,
  ValidateNested,
} from 'class-validator';
import { LocalizedLabelDto } from '../../common/localized-text.dto';
import { RESPONDENTS, type Respondent } from '../timepoint-instrument.entity';
import { TIMEPOINT_KINDS, type TimepointKind } from '../timepoint.entity';

export class ProtocolInstrumentDto {
  @ApiProperty({ example: 'phq-9' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/, { message: 'instrumentId must be a lower-case instrument id such as phq-9' })
  instrumentId!: string;

  @ApiProperty({ example: '1.0.0' })
  @IsString()
  @Matches(/^[0-9A-Za-z.+-]{1,20}$/, { message: 'instrumentVersion must be a version such as 1.0.0' })
  instrumentVersion!: string;

  @ApiProperty({ enum: RESPONDENTS })
  @IsIn(RESPONDENTS)
  respondent!: Respondent;
}

export class ProtocolTimepointDto {
  @ApiProperty({ example: 'baseline', description: 'Stable key, unique in the study' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,59}$/, { message: 'key must be lower-case letters, digits, - or _' })
  key!: string;

  @ApiProperty({ type: LocalizedLabelDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLabelDto)
  label!: LocalizedLabelDto;

  @ApiProperty({ enum: TIMEPOINT_KINDS, description: '`session` repeats after every session' })
  @IsIn(TIMEPOINT_KINDS)
  kind!: TimepointKind;

  @ApiPropertyOptional({ description: 'Days after enrolment when due (not for session timepoints)', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  offsetDays?: number | null;

  @ApiProperty({ type: [ProtocolInstrumentDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ProtocolInstrumentDto)
  instruments!: ProtocolInstrumentDto[];
}

export class PutProtocolDto {
  @ApiProperty({ type: [ProtocolTimepointDto], description: 'In order; replaces the whole protocol' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProtocolTimepointDto)
  timepoints!: ProtocolTimepointDto[];
}

export class TimepointDto extends ProtocolTimepointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ nullable: true }) declare offsetDays: number | null;
}

export class ProtocolDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ type: [TimepointDto] }) timepoints!: TimepointDto[];
}

