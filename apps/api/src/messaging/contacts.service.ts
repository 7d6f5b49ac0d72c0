import { AuditService, staff } from '../audit/audit.service';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { AuthContext } from '../common/current-auth';
import { AppError } from '../common/app-error';
import { TenancyService } from '../database/tenancy.service';
import { isEligible, Participant } from '../participants/participant.entity';
import { findVisibleStudy } from '../studies/study-access';
import type { Study } from '../studies/study.entity';
import { eraseContactData, WAITING } from './contact-erasure';
import type { ContactDto, PutContactDto } from './dto/contact.dto';
import { OutboxMessage } from './outbox-message.entity';
import { PARTICIPANT_MESSAGE_KINDS } from './messaging-types';
import { ParticipantContact } from './participant-contact.entity';

/**
 * A participant's contact details: staff of the participant's institution (a practitioner: only for their own
 * clients, who they see in person and who may give them their address). Never part of an export or analysis.
 */
@Injectable()
export class ContactsService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
  ) {}

  get(auth: AuthContext, studyId: string, participantId: string): Promise<ContactDto> {
    return this.tenancy.run(auth, async (m) => {
      const { participant } = await this.findParticipant(m, auth, studyId, participantId);
      const contact = await m.findOne(ParticipantContact, { where: { participantId: participant.id } });
      if (!contact) throw AppError.notFound('Contact details');
      return toDto(contact);
    });
  }

  put(auth: AuthContext, studyId: string, participantId: string, body: PutContactDto): Promise<ContactDto> {
    return this.tenancy.run(auth, async (m) => {
      const { study, participant } = await this.findParticipant(m, auth, studyId, participantId);
      if (!isEligible(participant))
        throw AppError.conflict('participant_withdrawn', 'The participant has withdrawn');
      const language = body.preferredLanguage ?? null;
      if (language && !study.languages.includes(language)) {
        throw AppError.validation([
          {
            field: 'preferredLanguage',
            messages: [
              `preferredLanguage must be one of the study's languages: ${study.languages.join(', ')}`,
            ],
          },
        ]);
      }
      const email = body.email.trim();
      const existing = await m.findOne(ParticipantContact, { where: { participantId: participant.id } });
      const saved = await m.save(ParticipantContact, {
        ...(existing ?? {
          institutionId: participant.institutionId,
          studyId: study.id,
          participantId: participant.id,
        }),
        email,
        phone: body.phone?.trim() || null,
        preferredLanguage: language,
      });
      // Messages still waiting go to the new address.
      if (existing && existing.email !== email) {
        await m.update(
          OutboxMessage,
          { participantId: participant.id, kind: In([...PARTICIPANT_MESSAGE_KINDS]), status: In([...WAITING]) },
          { to: email },
        );
      }
      // Which fields were set, never their values: the audit log holds no personal data.
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'contact.saved',
        target: { type: 'participant', id: participant.id },
        details: {
          studyId: study.id,
          created: !existing,
          phone: saved.phone !== null,
          language: language !== null,
        },
      });
      return toDto(await m.findOneOrFail(ParticipantContact, { where: { id: saved.id } }));
    });
  }

  remove(auth: AuthContext, studyId: string, participantId: string): Promise<void> {
    return this.tenancy.run(auth, async (m) => {
      const { study, participant } = await this.findParticipant(m, auth, studyId, participantId);
      if (!(await eraseContactData(m, participant.id, 'contact_erased')))
        throw AppError.notFound('Contact details');
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'contact.erased',
        target: { type: 'participant', id: participant.id },
        details: { studyId: study.id },
      });
    });
  }

  private async findParticipant(
    m: EntityManager,
    auth: AuthContext,
    studyId: string,
    participantId: string,
  ): Promise<{ study: Study; participant: Participant }> {
    const study = await findVisibleStudy(m, auth, studyId);
    const participant = await m.findOne(Participant, {
      where: { id: participantId, studyId: study.id, institutionId: auth.institutionId },
    });
    if (!participant || (auth.role === 'practitioner' && participant.practitionerId !== auth.userId)) {
      throw AppError.notFound('Participant');
    }
    return { study, participant };
  }
}

function toDto(contact: ParticipantContact): ContactDto {
  return {
    participantId: contact.participantId,
    email: contact.email,
    phone: contact.phone,
    preferredLanguage: contact.preferredLanguage,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  };
}
