import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { QUASI_IDENTIFIERS, type QuasiIdentifier } from '../k-anonymity';

export const EXPORT_FORMATS = ['long_csv', 'wide_csv', 'codebook_json', 'codebook_md', 'spss', 'r'] as const;
export const EXPORT_CONTENT = ['scores', 'items'] as const;
export const DATE_MODES = ['shifted', 'days_since_baseline', 'none'] as const;
export const MAX_K = 100;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportContent = (typeof EXPORT_CONTENT)[number];

/** The options of an export with every default filled in (what is stored, audited and written in the codebook). */
export interface ExportOptions {
  formats: ExportFormat[];
  content: ExportContent[];
  dates: (typeof DATE_MODES)[number];
  includeFreeText: boolean;
  quasiIdentifiers: QuasiIdentifier[];
  k: number;
}

/** Export options; every one may be left out, and the defaults are the safe choice. */
export class CreateExportDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, isArray: true, description: 'Files to write; default all' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'formats needs at least one format (or leave it out for all)' })
  @ArrayUnique()
  @IsIn(EXPORT_FORMATS, { each: true, message: `each format must be one of ${EXPORT_FORMATS.join(', ')}` })
  formats?: ExportFormat[];

  @ApiPropertyOptional({
    enum: EXPORT_CONTENT,
    isArray: true,
    description: 'scores (default) and/or items (item-level answers)',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'content needs scores, items or both' })
  @ArrayUnique()
  @IsIn(EXPORT_CONTENT, { each: true, message: `each content must be one of ${EXPORT_CONTENT.join(', ')}` })
  content?: ExportContent[];

  @ApiPropertyOptional({
    enum: DATE_MODES,
    description:
      'shifted (default): one random offset of -180 to +180 days per participant; days_since_baseline; or none',
  })
  @IsOptional()
  @IsIn(DATE_MODES, { message: `dates must be one of ${DATE_MODES.join(', ')}` })
  dates?: ExportOptions['dates'];

  @ApiPropertyOptional({ description: 'Include free-text answers (default false)' })
  @IsOptional()
  @IsBoolean()
  includeFreeText?: boolean;

  @ApiPropertyOptional({
    enum: QUASI_IDENTIFIERS,
    isArray: true,
    description: "Quasi-identifiers checked for k-anonymity and exported (default ['cohort'])",
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(QUASI_IDENTIFIERS, {
    each: true,
    message: `each quasi-identifier must be one of ${QUASI_IDENTIFIERS.join(', ')}`,
  })
  quasiIdentifiers?: QuasiIdentifier[];

  @ApiPropertyOptional({ minimum: 2, maximum: MAX_K, default: 5, description: 'Smallest allowed class size' })
  @IsOptional()
  @IsInt({ message: 'k must be a whole number' })
  @Min(2, {
    message:
      'k must be at least 2: with k = 1 a participant may be the only one with their quasi-identifier values, so they could be recognised',
  })
  @Max(MAX_K, { message: `k must be at most ${MAX_K}` })
  k?: number;
}

/** The options with defaults applied. */
export function withDefaults(dto: CreateExportDto): ExportOptions {
  return {
    formats: dto.formats ?? [...EXPORT_FORMATS],
    content: dto.content ?? ['scores'],
    dates: dto.dates ?? 'shifted',
    includeFreeText: dto.includeFreeText ?? false,
    quasiIdentifiers: dto.quasiIdentifiers ?? ['cohort'],
    k: dto.k ?? 5,
  };
}
