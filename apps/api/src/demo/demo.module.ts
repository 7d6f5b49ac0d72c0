import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ResponsesModule } from '../responses/responses.module';
import { DemoService } from './demo.service';

@Module({ imports: [AuthModule, ResponsesModule], providers: [DemoService], exports: [DemoService] })
export class DemoModule {}
