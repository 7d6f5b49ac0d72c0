import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** A text in Klik's languages; which languages are required depends on the study. */
export class LocalizedTextDto {
  @ApiPropertyOptional({ description: 'Dutch' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  nl?: string;

  @ApiPropertyOptional({ description: 'English' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  en?: string;
}

/** A short label in Klik's languages. */
export class LocalizedLabelDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  nl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  en?: string;
}
