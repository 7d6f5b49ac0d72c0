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
];
