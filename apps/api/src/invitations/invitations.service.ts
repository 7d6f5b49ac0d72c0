import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AuditService, staff } from '../audit/audit.service';
import type { AuthContext } from '../common/current-auth';
import { AppError } from '../common/app-error';
import { createToken, hashToken } from '../common/tokens';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SqlConditions } from '../database/sql-conditions';
import { TenancyService } from '../database/tenancy.service';
import { isEligible, Participant } from '../participants/participant.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import { findVisibleStudy } from '../studies/study-access';
import type { Study } from '../studies/study.entity';
import type {
  BatchInvitationDto,
  CreatedInvitationDto,
  CreateInvitationBatchDto,
  CreateInvitationDto,
  InvitationBatchDto,
  InvitationDto,
} from './dto/invitation.dto';
import { Invitation, type InvitationStatus } from './invitation.entity';

const DEFAULT_EXPIRY_DAYS = 30;

/** The status a person would meet when opening the link now. */
export function effectiveStatus(invitation: Pick<Invitation, 'status' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if ((invitation.status === 'open' || invitation.status === 'started') && invitation.expiresAt <= now) return 'expired';
  return invitation.status;
}

/** Invitation links: one per participant, timepoint (and session number); tokens are shown once, stored hashed. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly tenancy: TenancyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  list(auth: AuthContext, studyId: string, filter: { participantId?: string; timepointId?: string }) {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      // A practitioner sees only their own clients; a participantId filter narrows that further, never replaces it.
      const clients = auth.role === 'practitioner' ? await this.ownClients(m, auth, study.id) : null;
      const participantIds =
        clients && filter.participantId ? clients.filter((id) => id === filter.participantId) : clients;
      const invitations = await m.find(Invitation, {
        where: {
          studyId: study.id,
          institutionId: auth.institutionId,
          ...(filter.participantId ? { participantId: filter.participantId } : {}),
          ...(filter.timepointId ? { timepointId: filter.timepointId } : {}),
          ...(participantIds ? { participantId: In(participantIds) } : {}),
        },
        order: { createdAt: 'ASC' },
      });
      return invitations.map((invitation) => toDto(invitation));
    });
  }

  create(auth: AuthContext, studyId: string, body: CreateInvitationDto): Promise<CreatedInvitationDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      requireRecruiting(study);
      const participant = await m.findOne(Participant, {
        where: { id: body.participantId, studyId: study.id, institutionId: auth.institutionId },
      });
      if (!participant) {
        throw AppError.validation([{ field: 'participantId', messages: ['participantId names no participant of yours in this study'] }]);
      }
      if (!isEligible(participant)) throw AppError.conflict('participant_withdrawn', 'The participant has withdrawn');
      const timepoint = await findTimepoint(m, study.id, body);
      const sessionNumber = body.sessionNumber ?? null;
      const current = await m.find(Invitation, {
        where: { participantId: participant.id, timepointId: timepoint.id, status: In(['open', 'started', 'completed']) },
      });
      const clash = current.find(
        (invitation) => invitation.sessionNumber === sessionNumber && effectiveStatus(invitation) !== 'expired',
      );
      if (clash) {
        throw AppError.conflict(
          clash.status === 'completed' ? 'timepoint_completed' : 'invitation_exists',
          clash.status === 'completed'
            ? 'The participant has completed this timepoint'
            : 'An open invitation exists for this timepoint; revoke it first',
        );
      }
      // Lapsed links make way for the new one (the database allows one current invitation per timepoint).
      const lapsed = current.filter((invitation) => invitation.sessionNumber === sessionNumber);
      if (lapsed.length > 0) await m.update(Invitation, lapsed.map((invitation) => invitation.id), { status: 'expired' });
      const token = createToken();
      const invitation = await m.save(
        m.create(Invitation, {
          institutionId: auth.institutionId,
          studyId: study.id,
          participantId: participant.id,
          timepointId: timepoint.id,
          sessionNumber,
          tokenHash: hashToken(token),
          status: 'open',
          expiresAt: new Date(Date.now() + (body.expiresInDays ?? DEFAULT_EXPIRY_DAYS) * 86_400_000),
        }),
      );
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'invitation.created',
        target: { type: 'invitation', id: invitation.id },
        details: { studyId: study.id, participantId: participant.id, timepointId: timepoint.id, sessionNumber },
      });
      return { ...toDto(invitation), url: `${this.config.publicUrl}/take/${token}` };
    });
  }

  /**
   * Links for one timepoint for many participants at once, so the researcher can download them all: tokens exist
   * in clear only in this answer. Participants who already hold a current link are skipped, never given a second.
   */
  createBatch(auth: AuthContext, studyId: string, body: CreateInvitationBatchDto): Promise<InvitationBatchDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      requireRecruiting(study);
      const timepoint = await findTimepoint(m, study.id, body);
      const sessionNumber = body.sessionNumber ?? null;
      const eligible = new SqlConditions([study.id, auth.institutionId]).when(
        body.participantIds,
        'id = ANY(?)',
        body.participantIds,
      );
      const participants = (await m.query(
        `SELECT id, code FROM eligible_participants WHERE study_id = $1 AND institution_id = $2${eligible.sql}
          ORDER BY code`,
        eligible.params,
      )) as { id: string; code: string }[];
      if (body.participantIds && participants.length !== body.participantIds.length) {
        const found = new Set(participants.map((participant) => participant.id));
        const missing = body.participantIds.filter((id) => !found.has(id)).length;
        throw AppError.validation([
          { field: 'participantIds', messages: [`${missing} of participantIds name no active participant of yours in this study`] },
        ]);
      }
      const current = (
        await m.find(Invitation, {
          where: { studyId: study.id, timepointId: timepoint.id, status: In(['open', 'started', 'completed']) },
        })
      ).filter((invitation) => invitation.sessionNumber === sessionNumber);
      const holding = new Set(
        current.filter((invitation) => effectiveStatus(invitation) !== 'expired').map((invitation) => invitation.participantId),
      );
      // Lapsed links make way for new ones (the database allows one current invitation per timepoint).
      const lapsed = current.filter((invitation) => effectiveStatus(invitation) === 'expired');
      if (lapsed.length > 0) await m.update(Invitation, lapsed.map((invitation) => invitation.id), { status: 'expired' });

      const expiresAt = new Date(Date.now() + (body.expiresInDays ?? DEFAULT_EXPIRY_DAYS) * 86_400_000);
      const pending = participants
        .filter((participant) => !holding.has(participant.id))
        .map((participant) => ({ participant, token: createToken() }));
      const items: BatchInvitationDto[] = [];
      for (let i = 0; i < pending.length; i += 500) {
        const chunk = pending.slice(i, i + 500);
        const saved = await m.save(
          Invitation,
          chunk.map(({ participant, token }) =>
            m.create(Invitation, {
              institutionId: auth.institutionId,
              studyId: study.id,
              participantId: participant.id,
              timepointId: timepoint.id,
              sessionNumber,
              tokenHash: hashToken(token),
              status: 'open',
              expiresAt,
            }),
          ),
        );
        saved.forEach((invitation, index) => {
          const { participant, token } = chunk[index];
          items.push({ ...toDto(invitation), participantCode: participant.code, url: `${this.config.publicUrl}/take/${token}` });
        });
      }
      if (items.length > 0) {
        // One entry for the batch, as for a CSV import: ids and a count, never a token.
        await this.audit.record(m, {
          actor: staff(auth),
          action: 'invitation.created',
          target: { type: 'study', id: study.id },
          details: { studyId: study.id, timepointId: timepoint.id, sessionNumber, count: items.length },
        });
      }
      return { created: items.length, skipped: participants.length - items.length, items };
    });
  }

  revoke(auth: AuthContext, studyId: string, invitationId: string): Promise<InvitationDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      const invitation = await m.findOne(Invitation, {
        where: { id: invitationId, studyId: study.id, institutionId: auth.institutionId },
      });
      if (!invitation) throw AppError.notFound('Invitation');
      if (invitation.status === 'completed') {
        throw AppError.conflict('invitation_completed', 'A completed invitation cannot be revoked');
      }
      if (invitation.status !== 'revoked') {
        await m.update(Invitation, invitation.id, { status: 'revoked', revokedAt: new Date() });
        await this.audit.record(m, {
          actor: staff(auth),
          action: 'invitation.revoked',
          target: { type: 'invitation', id: invitation.id },
          details: { studyId: study.id, participantId: invitation.participantId },
        });
      }
      return toDto(await m.findOneOrFail(Invitation, { where: { id: invitation.id } }));
    });
  }

  private async ownClients(m: EntityManager, auth: AuthContext, studyId: string): Promise<string[]> {
    const rows = await m.find(Participant, {
      where: { studyId, institutionId: auth.institutionId, practitionerId: auth.userId },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }
}

function requireRecruiting(study: Study): void {
  if (study.status !== 'recruiting') {
    throw AppError.conflict('study_not_recruiting', 'Invitations can only be made while the study is recruiting');
  }
}

async function findTimepoint(
  m: EntityManager,
  studyId: string,
  body: { timepointId: string; sessionNumber?: number },
): Promise<Timepoint> {
  const timepoint = await m.findOne(Timepoint, { where: { id: body.timepointId, studyId } });
  if (!timepoint) {
    throw AppError.validation([{ field: 'timepointId', messages: ['timepointId names no timepoint of this study'] }]);
  }
  if (timepoint.kind === 'session' && body.sessionNumber === undefined) {
    throw AppError.validation([{ field: 'sessionNumber', messages: ['sessionNumber is required for a session timepoint'] }]);
  }
  if (timepoint.kind !== 'session' && body.sessionNumber !== undefined) {
    throw AppError.validation([{ field: 'sessionNumber', messages: ['sessionNumber is only for session timepoints'] }]);
  }
  return timepoint;
}

function toDto(invitation: Invitation): InvitationDto {
  return {
    id: invitation.id,
    participantId: invitation.participantId,
    timepointId: invitation.timepointId,
    sessionNumber: invitation.sessionNumber,
    status: effectiveStatus(invitation),
    expiresAt: invitation.expiresAt,
    createdAt: invitation.createdAt,
  };
}
