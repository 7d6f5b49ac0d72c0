import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class SessionLogDto {
  @ApiProperty({ description: 'Session number (1, 2, …), the same number as the client’s session invitation' })
  @IsInt()
  @Min(1)
  @Max(1000)
  sessionNumber!: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The session timepoint; default: the study’s only one' })
  @IsOptional()
  @IsUUID('all')
  timepointId?: string;

  @ApiProperty({ enum: ['nl', 'en'] })
  @IsIn(['nl', 'en'])
  language!: 'nl' | 'en';

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object' },
    description: 'Answers per practitioner instrument of the timepoint, e.g. { "klik-session-log": { … } }',
  })
  @IsObject()
  responses!: Record<string, Record<string, unknown>>;
}

export class ScoreDto {
  @ApiProperty() instrumentId!: string;
  @ApiProperty() instrumentVersion!: string;
  @ApiProperty() scoringVersion!: string;
  @ApiProperty({ nullable: true }) total!: number | null;
  @ApiProperty({ enum: ['complete', 'prorated', 'missing'] }) status!: string;
  @ApiProperty({ nullable: true }) missingReason!: string | null;
  @ApiProperty({ nullable: true }) band!: string | null;
  @ApiProperty({ nullable: true }) caseness!: boolean | null;
  @ApiProperty() missingCount!: number;
  @ApiProperty() prorated!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) subscales!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) derived!: Record<string, unknown>;
}

export class ResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) timepointId!: string;
  @ApiProperty({ nullable: true }) sessionNumber!: number | null;
  @ApiProperty({ enum: ['client', 'practitioner'] }) respondent!: string;
  @ApiProperty() instrumentId!: string;
  @ApiProperty() instrumentVersion!: string;
  @ApiProperty({ enum: ['nl', 'en'] }) language!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) answers!: Record<string, unknown>;
  @ApiProperty() submittedAt!: Date;
  @ApiProperty({ type: ScoreDto, nullable: true }) score!: ScoreDto | null;
}

export class ResponseListDto {
  @ApiProperty({ type: [ResponseDto] }) items!: ResponseDto[];
}

export class DyadDto {
  @ApiProperty({ format: 'uuid' }) timepointId!: string;
  @ApiProperty() sessionNumber!: number;
  @ApiProperty({ type: [ResponseDto], description: 'What the client answered about this session' })
  client!: ResponseDto[];
  @ApiProperty({ type: [ResponseDto], description: 'What the practitioner logged for this session' })
  practitioner!: ResponseDto[];
}

export class DyadListDto {
  @ApiProperty({ type: [DyadDto] }) items!: DyadDto[];
}
