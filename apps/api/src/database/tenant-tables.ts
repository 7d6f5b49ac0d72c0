import { TENANT_TABLES } from './migrations/1764400000001-row-level-security';
import { JOURNEY_TENANT_TABLES } from './migrations/1764400000002-participant-journey';
import { EXPORT_TENANT_TABLES } from './migrations/1764400000006-exports';
import { MESSAGING_TENANT_TABLES } from './migrations/1764400000007-messaging';
import { SAFETY_TENANT_TABLES } from './migrations/1764400000010-safety-signals';

/**
 * Every table with row-level security by institution, across all migrations. `audit_log` counts: its rows carry
 * institution_id (null only for events without a tenant, such as a failed login, which no institution reads).
 */
export const ALL_TENANT_TABLES: readonly string[] = [
  ...TENANT_TABLES,
  ...JOURNEY_TENANT_TABLES,
  'text_packs',
  'audit_log',
  ...EXPORT_TENANT_TABLES,
  ...MESSAGING_TENANT_TABLES,
  'timepoint_schedules',
  ...SAFETY_TENANT_TABLES,
];
