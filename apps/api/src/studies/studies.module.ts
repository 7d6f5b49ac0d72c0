import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Cohort } from './cohort.entity';
import { ConsentVersion } from './consent-version.entity';
import { StudiesController } from './studies.controller';
import { StudiesService } from './studies.service';
import { Study } from './study.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Study, ConsentVersion, Cohort])],
  controllers: [StudiesController],
  providers: [StudiesService],
  exports: [StudiesService],
})
export class StudiesModule {}
