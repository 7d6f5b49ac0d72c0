import { Module } from '@nestjs/common';
import { WithdrawalService } from '../participants/withdrawal.service';
import { ResponsesController } from './responses.controller';
import { ResponsesService } from './responses.service';
import { ScoredResponseWriter } from './scored-response.writer';

@Module({
  controllers: [ResponsesController],
  providers: [ResponsesService, ScoredResponseWriter, WithdrawalService],
  exports: [ScoredResponseWriter, WithdrawalService],
})
export class ResponsesModule {}
