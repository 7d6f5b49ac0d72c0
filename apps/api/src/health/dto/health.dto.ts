import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MigrationStatusDto {
  @ApiProperty({ description: 'True when no migration is pending' }) current!: boolean;
  @ApiProperty({ type: [String] }) pending!: string[];
}

export class DatabaseHealthDto {
  @ApiProperty({ enum: ['embedded', 'postgres'] }) kind!: 'embedded' | 'postgres';
  @ApiProperty() serverVersion!: string;
  @ApiProperty({ type: MigrationStatusDto }) migrations!: MigrationStatusDto;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiPropertyOptional({ description: 'Klik version (institution admins only)' }) version?: string;
  @ApiPropertyOptional({ type: DatabaseHealthDto, description: 'Institution admins only' })
  database?: DatabaseHealthDto;
}
