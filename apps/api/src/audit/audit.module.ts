import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/**
 * Global, so every service can record into the audit trail without importing this module. The checkpoint service
 * signs the chain's head outside the database on a timer, after a verification and at shutdown.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditController],
  providers: [AuditService, AuditCheckpointService],
  exports: [AuditService],
})
export class AuditModule {}
