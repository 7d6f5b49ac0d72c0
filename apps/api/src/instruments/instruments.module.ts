import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstrumentCatalogService } from './instrument-catalog.service';
import { InstrumentsController } from './instruments.controller';
import { TextPackRecord } from './text-pack.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([TextPackRecord])],
  controllers: [InstrumentsController],
  providers: [InstrumentCatalogService],
  exports: [InstrumentCatalogService],
})
export class InstrumentsModule {}
