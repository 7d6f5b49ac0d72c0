import { Module } from '@nestjs/common';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';

/** Response monitoring and participant timelines (issue 5, running a study 4). */
@Module({ controllers: [MonitoringController], providers: [MonitoringService] })
export class MonitoringModule {}
