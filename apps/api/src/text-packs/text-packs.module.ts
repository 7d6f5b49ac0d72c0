import { Module } from '@nestjs/common';
import { TextPacksController } from './text-packs.controller';
import { TextPacksService } from './text-packs.service';

/** Importing and removing text packs; the table belongs to the instrument catalog (instruments/). */
@Module({ controllers: [TextPacksController], providers: [TextPacksService] })
export class TextPacksModule {}
