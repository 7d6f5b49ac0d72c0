import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResponsesModule } from '../responses/responses.module';
import { SafetyModule } from '../safety/safety.module';
import { ConsentRecord } from './consent-record.entity';
import { ParticipantSession } from './participant-session.entity';
import { Submission } from './submission.entity';
import { TakeController } from './take.controller';
import { TakeService } from './take.service';

@Module({
  imports: [TypeOrmModule.forFeature([ParticipantSession, ConsentRecord, Submission]), ResponsesModule, SafetyModule],
  controllers: [TakeController],
  providers: [TakeService],
  exports: [TakeService],
})
export class TakeModule {}
