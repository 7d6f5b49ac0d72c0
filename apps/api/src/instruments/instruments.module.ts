import { Global, Module } from '@nestjs/common';
import { InstrumentCatalogService } from './instrument-catalog.service';
import { InstrumentsController } from './instruments.controller';

@Global()
@Module({ controllers: [InstrumentsController], providers: [InstrumentCatalogService], exports: [InstrumentCatalogService] })
export class InstrumentsModule {}
