import { type DynamicModule, Module } from '@nestjs/common';
import { AnalysesModule } from './analyses/analyses.module';
import { ComparisonModule } from './comparison/comparison.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CohortsModule } from './cohorts/cohorts.module';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import type { DatabaseConnection } from './database/database-connection';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { InstrumentsModule } from './instruments/instruments.module';
import { ResponsesModule } from './responses/responses.module';
import { SafetyModule } from './safety/safety.module';
import { TakeModule } from './take/take.module';
import { TextPacksModule } from './text-packs/text-packs.module';
import { InvitationsModule } from './invitations/invitations.module';
import { ParticipantsModule } from './participants/participants.module';
import { ProtocolModule } from './protocol/protocol.module';
import { StudiesModule } from './studies/studies.module';
import { UsersModule } from './users/users.module';
import { WithdrawalModule } from './withdrawal/withdrawal.module';
import { ConfigModule } from './config/config.module';
import { ExportsModule } from './exports/exports.module';
import { MailModule } from './mail/mail.module';
import { MessagingModule } from './messaging/messaging.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, connection: DatabaseConnection): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(connection),
        AuditModule,
        MailModule,
        RateLimitModule,
        AuthModule,
        UsersModule,
        InstitutionsModule,
        InstrumentsModule,
        TakeModule,
        TextPacksModule,
        ResponsesModule,
        StudiesModule,
        CohortsModule,
        ProtocolModule,
        ParticipantsModule,
        InvitationsModule,
        WithdrawalModule,
        AnalysesModule,
        ComparisonModule,
        ExportsModule,
        MessagingModule,
        SafetyModule,
        MonitoringModule,
        HealthModule,
        DemoModule,
      ],
    };
  }
}

export { APP_CONFIG };
