import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Invitation } from '../invitations/invitation.entity';
import { eraseContactData } from '../messaging/contact-erasure';
import { Participant } from './participant.entity';
import { ResponseRecord } from '../responses/response.entity';
import { ScoreRecord } from '../responses/score.entity';
import type { Study } from '../studies/study.entity';
import { ParticipantSession } from '../take/participant-session.entity';
import { Withdrawal } from './withdrawal.entity';

/**
 * Applies a study's withdrawal policy, in the caller's (tenant) transaction:
 * - `erase_responses`: every response and score of the participant is deleted;
 * - `erase_link`: answers and scores stay, but the pseudonymous code is replaced by a random one and the
 *   practitioner link is cut, so nobody can trace the data back to the person.
 * Either way the participant is marked withdrawn, open links are revoked and sessions ended, contact details are
 * erased and no message goes out any more; a withdrawal record keeps what was done (without the old code).
 */
@Injectable()
export class WithdrawalService {
  constructor(private readonly audit: AuditService) {}

  async withdraw(
    m: EntityManager,
    study: Study,
    participant: Participant,
    requestedBy: 'participant' | 'staff',
    recordedById: string | null,
  ): Promise<{ policy: Study['withdrawalPolicy']; erasedResponses: number }> {
    const invitations = await m.find(Invitation, { where: { participantId: participant.id }, select: { id: true } });
    if (invitations.length > 0) {
      await m.delete(ParticipantSession, { invitationId: In(invitations.map((invitation) => invitation.id)) });
    }
    await eraseContactData(m, participant.id, 'participant_withdrawn');
    await m.update(
      Invitation,
      { participantId: participant.id, status: In(['open', 'started']) },
      { status: 'revoked', revokedAt: new Date() },
    );
    let erasedResponses = 0;
    if (study.withdrawalPolicy === 'erase_responses') {
      await m.delete(ScoreRecord, { participantId: participant.id });
      erasedResponses = (await m.delete(ResponseRecord, { participantId: participant.id })).affected ?? 0;
      await m.update(Participant, participant.id, { status: 'withdrawn' });
    } else {
      await m.delete(ResponseRecord, { participantId: participant.id, status: 'in_progress' });
      await m.update(Participant, participant.id, {
        status: 'withdrawn',
        code: `W-${randomBytes(8).toString('hex').toUpperCase()}`,
        practitionerId: null,
      });
    }
    await m.insert(Withdrawal, {
      institutionId: participant.institutionId,
      studyId: study.id,
      participantId: participant.id,
      policy: study.withdrawalPolicy,
      requestedBy,
      recordedById,
      erasedResponses,
    });
    await this.audit.record(m, {
      actor: recordedById
        ? { type: 'staff', userId: recordedById, institutionId: participant.institutionId }
        : { type: 'participant', institutionId: participant.institutionId },
      action: 'participant.withdrawn',
      target: { type: 'participant', id: participant.id },
      details: { studyId: study.id, requestedBy, policy: study.withdrawalPolicy, erasedResponses },
    });
    return { policy: study.withdrawalPolicy, erasedResponses };
  }
}
