import { AuditEntry } from '../audit/audit-entry.entity';
import { Session } from '../auth/session.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { Institution } from '../institutions/institution.entity';
import { Membership } from '../institutions/membership.entity';
import { Invitation } from '../invitations/invitation.entity';
import { Participant } from '../participants/participant.entity';
import { TimepointInstrument } from '../protocol/timepoint-instrument.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import { ConsentVersion } from '../studies/consent-version.entity';
import { Study } from '../studies/study.entity';
import { StaffInvitation } from '../users/staff-invitation.entity';
import { User } from '../users/user.entity';
import { TextPackRecord } from '../text-packs/text-pack.entity';
import { ResponseRecord } from '../responses/response.entity';
import { ScoreRecord } from '../responses/score.entity';
import { ConsentRecord } from '../take/consent-record.entity';
import { ParticipantSession } from '../take/participant-session.entity';
import { Submission } from '../take/submission.entity';
import { Withdrawal } from '../participants/withdrawal.entity';
import { OutboxMessage } from '../messaging/outbox-message.entity';
import { ParticipantContact } from '../messaging/participant-contact.entity';
import { TimepointSchedule } from '../messaging/timepoint-schedule.entity';
import { ExportRecord } from '../exports/export.entity';
import { StudyExportSecret } from '../exports/export-secret.entity';

/** Every entity, listed explicitly so the same list works compiled, under Jest and in the migration check. */
export const ENTITIES = [
  Institution,
  User,
  Membership,
  StaffInvitation,
  Session,
  Study,
  ConsentVersion,
  Cohort,
  Timepoint,
  TimepointInstrument,
  Participant,
  Invitation,
  ParticipantSession,
  ConsentRecord,
  ResponseRecord,
  ScoreRecord,
  Submission,
  Withdrawal,
  TextPackRecord,
  AuditEntry,
  ParticipantContact,
  TimepointSchedule,
  OutboxMessage,
  StudyExportSecret,
  ExportRecord,
];
