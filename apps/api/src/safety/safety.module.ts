import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '../messaging/messaging.module';
import { SafetySignal } from './safety-signal.entity';
import { SafetyController } from './safety.controller';
import { SafetyService } from './safety.service';

/** Safety signals (issue 11): raised on submission, e-mailed at once, listed, acknowledged, escalated. */
@Module({
  imports: [TypeOrmModule.forFeature([SafetySignal]), MessagingModule],
  controllers: [SafetyController],
  providers: [SafetyService],
  exports: [SafetyService],
})
export class SafetyModule {}
