import { Module } from '@nestjs/common';
import { ExportJobService } from './export-job.service';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  controllers: [ExportsController],
  providers: [ExportsService, ExportJobService],
  exports: [ExportJobService],
})
export class ExportsModule {}
