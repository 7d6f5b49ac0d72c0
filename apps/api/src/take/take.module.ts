import { Module } from '@nestjs/common';
import { ResponsesModule } from '../responses/responses.module';
import { TakeController } from './take.controller';
import { TakeService } from './take.service';

@Module({ imports: [ResponsesModule], controllers: [TakeController], providers: [TakeService] })
export class TakeModule {}
