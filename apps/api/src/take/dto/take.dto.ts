import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

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

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Answers by item id, merged per item into what is stored: the items changed since the last save (or all); ' +
      'null clears an item; items left out stay as stored',
  })
  @IsObject()
  answers!: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'Increases with every save of this page (send Date.now(), raised past the previous value): an item a later ' +
      'save of the same session already wrote is not overwritten by an earlier one arriving late',
    example: 1767225600000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  sequence?: number;
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
