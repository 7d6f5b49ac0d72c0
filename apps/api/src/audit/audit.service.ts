import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../common/current-auth';
import { TenancyService } from '../database/tenancy.service';
import type { AuditChainRow, AuditVerification } from './audit-chain';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditEntry } from './audit-entry.entity';

/** Every action the log knows. Add new ones here, so the list stays the catalogue of what is audited. */
export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.session_ended'
  | 'auth.sessions_ended'
  | 'study.created'
  | 'study.updated'
  | 'consent_version.created'
  | 'cohort.created'
  | 'cohort.renamed'
  | 'protocol.replaced'
  | 'participant.enrolled'
  | 'participants.imported'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'participant.withdrawn'
  | 'user.created'
  | 'user.invited'
  | 'user.invitation_accepted'
  | 'user.invitation_revoked'
  | 'user.role_changed'
  | 'text_pack.imported'
  | 'text_pack.removed'
  | 'export.created'
  | 'contact.saved'
  | 'contact.erased'
  | 'schedule.updated'
  | 'cohort.safety_contact_changed'
  | 'safety_signal.raised'
  | 'safety_signal.acknowledged'
  | 'safety_signal.escalated';

export type AuditTargetType =
  | 'study'
  | 'consent_version'
  | 'cohort'
  | 'participant'
  | 'invitation'
  | 'user'
  | 'text_pack'
  | 'export'
  | 'timepoint'
  | 'staff_invitation'
  | 'safety_signal';

/** Who acted, and in which institution (null only for events without a tenant, such as a failed login). */
export type AuditActor =
  | { type: 'staff'; userId: string | null; institutionId: string | null }
  | { type: 'participant'; institutionId: string }
  | { type: 'system'; institutionId: string | null };

type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

export interface AuditEvent {
  actor: AuditActor;
  action: AuditAction;
  target?: { type: AuditTargetType; id: string };
  /** What changed: ids, counts, field names. Never personal data (no e-mail addresses, names or codes). */
  details?: Record<string, AuditValue>;
}

/** The staff member of a session, acting in their active institution. */
export function staff(auth: Pick<AuthContext, 'userId' | 'institutionId'>): AuditActor {
  return { type: 'staff', userId: auth.userId, institutionId: auth.institutionId };
}

/** What an export records (issue 6): the export service calls `audit.recordExport` in its own transaction. */
export interface ExportAuditDetails {
  format: string;
  options: Record<string, AuditValue>;
  rows: number;
  /** SHA-256 (hex) of each exported file, by file name. */
  files: Record<string, string>;
}

export type FailedLoginReason =
  'unknown_account' | 'wrong_password' | 'locked' | 'inactive' | 'no_membership';

export interface AuditEntryView {
  seq: number;
  id: string;
  occurredAt: Date;
  actorType: AuditEntry['actorType'];
  actorUserId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

/**
 * Writes the audit trail. `record` inserts into the caller's transaction, so an entry exists exactly when the
 * change it describes is committed; the database assigns seq, time and hashes (migration 1764400000004).
 * Inside a tenant transaction the actor's institution must be the current tenant (row-level security).
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly checkpoints: AuditCheckpointService,
  ) {}

  async record(m: EntityManager, event: AuditEvent): Promise<void> {
    await m.query(
      `INSERT INTO audit_log (institution_id, actor_type, actor_user_id, action, target_type, target_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        event.actor.institutionId,
        event.actor.type,
        event.actor.type === 'staff' ? event.actor.userId : null,
        event.action,
        event.target?.type ?? null,
        event.target?.id ?? null,
        JSON.stringify(event.details ?? {}),
      ],
    );
  }

  /**
   * A failed login, in a transaction of its own (the request fails, so there is no change to ride along with).
   * The e-mail address is kept only as the SHA-256 of its lower-cased form: enough to see repeated attempts.
   */
  loginFailed(email: string, reason: FailedLoginReason, userId: string | null = null): Promise<void> {
    const emailSha256 = createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex');
    return this.tenancy.runAsSystem((m) =>
      this.record(m, {
        actor: { type: 'staff', userId, institutionId: null },
        action: 'auth.login_failed',
        details: { emailSha256, reason },
      }),
    );
  }

  /** The hook for exports: call it in the transaction that records the export, with a hash of every file. */
  recordExport(
    m: EntityManager,
    auth: AuthContext,
    exportId: string,
    details: ExportAuditDetails,
  ): Promise<void> {
    return this.record(m, {
      actor: staff(auth),
      action: 'export.created',
      target: { type: 'export', id: exportId },
      details: { ...details },
    });
  }

  /** The active institution's entries, newest first. */
  list(
    auth: AuthContext,
    page: { limit: number; offset: number },
  ): Promise<{ items: AuditEntryView[]; total: number }> {
    return this.tenancy.run(auth, async (m) => {
      const [rows, total] = await m.findAndCount(AuditEntry, {
        where: { institutionId: auth.institutionId },
        order: { seq: 'DESC' },
        take: page.limit,
        skip: page.offset,
      });
      return {
        total,
        items: rows.map((row) => ({
          seq: Number(row.seq),
          id: row.id,
          occurredAt: row.occurredAt,
          actorType: row.actorType,
          actorUserId: row.actorUserId,
          action: row.action,
          targetType: row.targetType,
          targetId: row.targetId,
          details: row.details,
        })),
      };
    });
  }

  /**
   * Checks the whole chain (as the owner: every institution's rows) against the signed checkpoints, and signs it
   * when intact; callers decide how much to reveal.
   */
  verify(): Promise<AuditVerification> {
    return this.tenancy.runAsSystem((m) =>
      this.checkpoints.verify((sql, params) => m.query(sql, params) as Promise<AuditChainRow[]>),
    );
  }
}
