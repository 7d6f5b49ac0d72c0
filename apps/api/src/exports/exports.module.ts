import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExportJobService } from './export-job.service';
import { StudyExportSecret } from './export-secret.entity';
import { ExportRecord } from './export.entity';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [TypeOrmModule.forFeature([ExportRecord, StudyExportSecret])],
  controllers: [ExportsController],
  providers: [ExportsService, ExportJobService],
  exports: [ExportJobService],
})
export class ExportsModule {}
