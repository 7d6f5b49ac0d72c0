import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_ROLE } from './migrations/1764400000001-row-level-security';

export interface TenantContext {
  institutionId: string;
}

/**
 * Switches the current transaction to the tenant: from here on, row-level security applies. Used by `run`, and
 * directly when one transaction must first do system work (such as creating a user) and then tenant work.
 */
export async function enterTenant(manager: EntityManager, tenant: TenantContext): Promise<void> {
  await manager.query(`SELECT set_config('klik.institution_id', $1, true)`, [tenant.institutionId]);
  await manager.query(`SET LOCAL ROLE ${APP_ROLE}`);
}

/**
 * Runs work inside one transaction as the tenant: `SET LOCAL ROLE klik_app` (no ownership, no BYPASSRLS) and
 * the institution in `klik.institution_id`, both undone at commit or rollback. Row-level security then filters
 * every statement; services still scope their queries by institution as a second line of defence.
 *
 * Always use the given EntityManager inside: on the embedded database there is one connection, and a query
 * through another would wait for this transaction forever.
 */
@Injectable()
export class TenancyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(tenant: TenantContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await enterTenant(manager, tenant);
      return work(manager);
    });
  }

  /** System work that is not tenant-scoped (login, sessions, migrations status); runs as the connecting role. */
  runAsSystem<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
