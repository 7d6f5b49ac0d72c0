import { Module } from '@nestjs/common';
import { AlertsService } from './alerts.service';
import { AnalysesController } from './analyses.controller';
import { AnalysesService } from './analyses.service';
import { ScaleQualityService } from './scale-quality.service';
import { ScatterService } from './scatter.service';
import { TrajectoryService } from './trajectory.service';

@Module({
  controllers: [AnalysesController],
  providers: [AnalysesService, ScatterService, TrajectoryService, ScaleQualityService, AlertsService],
})
export class AnalysesModule {}
