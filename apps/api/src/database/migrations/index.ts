import { InitialSchema1764400000000 } from './1764400000000-initial-schema';
import { RowLevelSecurity1764400000001 } from './1764400000001-row-level-security';
import { ParticipantJourney1764400000002 } from './1764400000002-participant-journey';
import { TextPacks1764400000003 } from './1764400000003-text-packs';
import { AuditLog1764400000004 } from './1764400000004-audit-log';
import { OneCurrentInvitation1764400000005 } from './1764400000005-one-current-invitation';
import { Exports1764400000006 } from './1764400000006-exports';
import { Messaging1764400000007 } from './1764400000007-messaging';
import { StaffAccounts1764400000008 } from './1764400000008-staff-accounts';
import { EligibleParticipants1764400000009 } from './1764400000009-eligible-participants';
import { SafetySignals1764400000010 } from './1764400000010-safety-signals';
import { ConsentRenewalAndLanguages1764400000011 } from './1764400000011-consent-renewal-and-languages';

/** Every migration in order; listed explicitly so compiled code, Jest and the CLI run the same set. */
export const MIGRATIONS = [
  InitialSchema1764400000000,
  RowLevelSecurity1764400000001,
  ParticipantJourney1764400000002,
  TextPacks1764400000003,
  AuditLog1764400000004,
  OneCurrentInvitation1764400000005,
  Exports1764400000006,
  Messaging1764400000007,
  StaffAccounts1764400000008,
  EligibleParticipants1764400000009,
  SafetySignals1764400000010,
  ConsentRenewalAndLanguages1764400000011,
];
