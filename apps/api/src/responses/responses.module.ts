import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResponseRecord } from './response.entity';
import { ResponsesController } from './responses.controller';
import { ResponsesService } from './responses.service';
import { ScoreRecord } from './score.entity';
import { ScoredResponseWriter } from './scored-response.writer';

@Module({
  imports: [TypeOrmModule.forFeature([ResponseRecord, ScoreRecord])],
  controllers: [ResponsesController],
  providers: [ResponsesService, ScoredResponseWriter],
  exports: [ScoredResponseWriter],
})
export class ResponsesModule {}
