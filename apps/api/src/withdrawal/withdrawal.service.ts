import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { AuthContext } from '../common/current-auth';
import { TenancyService } from '../database/tenancy.service';
import { revokeOpenInvitations } from '../invitations/invitation-revocation';
import { eraseContactData } from '../messaging/contact-erasure';
import { findOwnParticipant } from '../participants/participant-access';
import { isEligible, type Participant } from '../participants/participant.entity';
import { markWithdrawn } from '../participants/participant-withdrawal';
import { discardDraftResponses, eraseResponses } from '../responses/response-erasure';
import { eraseSignalAnswers } from '../safety/signal-erasure';
import { findVisibleStudy } from '../studies/study-access';
import type { Study, WithdrawalPolicy } from '../studies/study.entity';
import { endParticipantSessions } from '../take/session-ending';
import { TakeService } from '../take/take.service';
import { Withdrawal, type WithdrawalReason } from './withdrawal.entity';

export interface WithdrawalResult {
  policy: WithdrawalPolicy;
  erasedResponses: number;
}

/**
 * Withdrawal from a study, the one place that knows every step. It is asked for by the participant (on the
 * participant page) or recorded by staff on their request, and applies the study's withdrawal policy:
 * - `erase_responses`: every response and score of the participant is deleted;
 * - `erase_link`: answers and scores stay, but the pseudonymous code is replaced by a random one and the
 *   practitioner link is cut, so nobody can trace the data back to the person.
 * Declining renewed consent (take/, issue 11) withdraws the same way, recorded with the reason `consent_declined`.
 * Under `erase_responses` the answer values that safety signals copied are erased too (the signals stay, as the
 * care record). Either way the participant is marked withdrawn, open links are revoked and sessions ended, contact details are
 * erased and no message goes out any more; a withdrawal record keeps what was done (without the old code), and
 * the audit trail says who asked. Each step is a function of the module that owns the table it writes; all of
 * them run in one tenant transaction, so a withdrawal happens completely or not at all.
 */
@Injectable()
export class WithdrawalService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly take: TakeService,
    private readonly audit: AuditService,
  ) {
    // Declining renewed consent on the participant page stops participation like a withdrawal (issue 11).
    this.take.onRenewalDeclined((m, { study, participant }) =>
      this.withdraw(m, study, participant, { type: 'participant' }, 'consent_declined'),
    );
  }

  /** Staff record a participant's request (409 `already_withdrawn` when there is nothing left to do). */
  recordRequest(auth: AuthContext, studyId: string, participantId: string): Promise<WithdrawalResult> {
    return this.tenancy.run(auth, async (m) => {
      const participant = await findOwnParticipant(m, auth, studyId, participantId);
      if (!isEligible(participant)) {
        throw AppError.conflict('already_withdrawn', 'The participant has withdrawn');
      }
      const study = await findVisibleStudy(m, auth, studyId);
      return this.withdraw(m, study, participant, { type: 'staff', userId: auth.userId });
    });
  }

  /** The participant withdraws through their session (401 `take_unavailable` once it is no longer valid). */
  async byParticipant(
    sessionToken: string | undefined,
  ): Promise<{ status: 'withdrawn'; policy: WithdrawalPolicy }> {
    const done = await this.take.inSession(sessionToken, (m, { study, participant }) =>
      this.withdraw(m, study, participant, { type: 'participant' }),
    );
    return { status: 'withdrawn', policy: done.policy };
  }

  private async withdraw(
    m: EntityManager,
    study: Study,
    participant: Participant,
    requestedBy: { type: 'participant' } | { type: 'staff'; userId: string },
    reason: WithdrawalReason = 'requested',
  ): Promise<WithdrawalResult> {
    const policy = study.withdrawalPolicy;
    await endParticipantSessions(m, participant.id);
    await eraseContactData(m, participant.id, 'participant_withdrawn');
    await revokeOpenInvitations(m, participant.id);
    let erasedResponses = 0;
    if (policy === 'erase_responses') {
      erasedResponses = await eraseResponses(m, participant.id);
      await eraseSignalAnswers(m, participant.id);
      await markWithdrawn(m, participant.id, { cutLink: false });
    } else {
      await discardDraftResponses(m, participant.id);
      await markWithdrawn(m, participant.id, { cutLink: true });
    }
    const recordedById = requestedBy.type === 'staff' ? requestedBy.userId : null;
    await m.insert(Withdrawal, {
      institutionId: participant.institutionId,
      studyId: study.id,
      participantId: participant.id,
      policy,
      requestedBy: requestedBy.type,
      recordedById,
      erasedResponses,
      reason,
    });
    await this.audit.record(m, {
      actor: recordedById
        ? { type: 'staff', userId: recordedById, institutionId: participant.institutionId }
        : { type: 'participant', institutionId: participant.institutionId },
      action: 'participant.withdrawn',
      target: { type: 'participant', id: participant.id },
      details: { studyId: study.id, requestedBy: requestedBy.type, policy, erasedResponses, reason },
    });
    return { policy, erasedResponses };
  }
}
