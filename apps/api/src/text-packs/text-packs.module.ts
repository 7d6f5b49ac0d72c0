import { Module } from '@nestjs/common';
import { TextPacksController } from './text-packs.controller';
import { TextPacksService } from './text-packs.service';

@Module({ controllers: [TextPacksController], providers: [TextPacksService] })
export class TextPacksModule {}
