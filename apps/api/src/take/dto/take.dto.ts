import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsString, Matches, Max, Min } from 'class-validator';

export class ConsentDecisionDto {
  @ApiProperty({ enum: ['given', 'declined'] })
  @IsIn(['given', 'declined'])
  decision!: 'given' | 'declined';

  @ApiProperty({ description: 'The consent version that was shown' })
  @IsInt()
  @Min(1)
  consentVersion!: number;

  @ApiProperty({ enum: ['nl', 'en'] })
  @IsIn(['nl', 'en'])
  language!: 'nl' | 'en';
}

export class SaveProgressDto {
  @ApiProperty({ example: 'phq-9' })
  @IsString()
  @Matches(/^[a-z0-9-]{1,60}$/)
  instrumentId!: string;

  @ApiProperty({ enum: ['nl', 'en'] })
  @IsIn(['nl', 'en'])
  language!: 'nl' | 'en';

  @ApiProperty({ description: 'Index of the page the participant is on' })
  @IsInt()
  @Min(0)
  @Max(200)
  pageIndex!: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Answers so far, by item id' })
  @IsObject()
  answers!: Record<string, unknown>;
}

export class SubmitDto {
  @ApiProperty({ enum: ['nl', 'en'] })
  @IsIn(['nl', 'en'])
  language!: 'nl' | 'en';

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object' },
    description: 'Answers per instrument id, for every client instrument of the timepoint',
  })
  @IsObject()
  responses!: Record<string, Record<string, unknown>>;
}

export class LanguageDto {
  @ApiProperty({ enum: ['nl', 'en'] })
  @IsIn(['nl', 'en'])
  language!: 'nl' | 'en';
}
