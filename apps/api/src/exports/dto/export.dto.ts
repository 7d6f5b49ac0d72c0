import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ExportFileDto {
  @ApiProperty({ example: 'klik-long.csv' }) name!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ description: 'SHA-256 of the file (hex), as recorded in the audit log' }) sha256!: string;
  @ApiProperty({ description: 'Download path (supports HTTP Range)' }) url!: string;
}

export class ExportProgressDto {
  @ApiProperty() rowsDone!: number;
  @ApiProperty() rowsTotal!: number;
}

export class ExportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ enum: ['queued', 'running', 'complete', 'failed'] }) status!: string;
  @ApiProperty({ description: 'The options with defaults filled in' }) options!: Record<string, unknown>;
  @ApiProperty({ type: ExportProgressDto }) progress!: ExportProgressDto;
  @ApiProperty({ nullable: true, description: 'Rows of the long CSV, once complete' }) rowCount!:
    number | null;
  @ApiProperty({ type: [ExportFileDto] }) files!: ExportFileDto[];
  @ApiPropertyOptional({
    nullable: true,
    description: 'k-anonymity report: generalisations (with each changed value) and suppressed participants',
  })
  report!: Record<string, unknown> | null;
  @ApiProperty({ nullable: true }) error!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true }) completedAt!: Date | null;
}

export class ExportListDto {
  @ApiProperty({ type: [ExportDto] }) items!: ExportDto[];
}
