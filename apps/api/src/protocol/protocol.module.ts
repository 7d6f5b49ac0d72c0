import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProtocolController } from './protocol.controller';
import { ProtocolService } from './protocol.service';
import { TimepointInstrument } from './timepoint-instrument.entity';
import { Timepoint } from './timepoint.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Timepoint, TimepointInstrument])],
  controllers: [ProtocolController],
  providers: [ProtocolService],
})
export class ProtocolModule {}
