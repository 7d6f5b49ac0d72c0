/** The few bits of node-postgres the tests use for raw connections (the workspace has no @types/pg). */
export interface PgClient {
  connect(): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number | null }>;
  end(): Promise<void>;
}

export const { Client } = require('pg') as { Client: new (options: { connectionString?: string }) => PgClient };
