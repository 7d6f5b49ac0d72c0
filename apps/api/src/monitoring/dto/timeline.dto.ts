import { ApiProperty } from '@nestjs/swagger';

export const TIMELINE_EVENT_TYPES = [
  'enrolled',
  'invited',
  'invitation_sent',
  'reminded',
  'opened',
  'consent_renewal_required',
  'consented',
  'declined',
  'started',
  'completed',
  'revoked',
  'expired',
  'session_logged',
  'withdrawn',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

/**
 * One event of a participant's timeline. `invited`: the link was made; `invitation_sent` / `reminded`: an e-mail
 * went out; `opened`: the link was opened (a participant session; sessions are removed on decline and
 * withdrawal); `started`: answers saved in progress (the time of the last save: the first is not kept);
 * `session_logged`: the practitioner logged the session; `consent_renewal_required`: a consent version that asks
 * for renewed consent was published while the participant held consent to an older one (detail: that version);
 * `consented` / `declined` on such a version say `(renewal)`; `withdrawn` after declining it says
 * `(consent declined)`.
 */
export class TimelineEventDto {
  @ApiProperty() at!: Date;
  @ApiProperty({ enum: TIMELINE_EVENT_TYPES }) type!: TimelineEventType;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) timepointId!: string | null;
  @ApiProperty({ type: String, nullable: true }) timepointKey!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sessionNumber!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) invitationId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Extra: the consent version (with "(renewal)"), the instrument, the reminder number, the withdrawal policy ' +
      '(with "(consent declined)")',
  })
  detail!: string | null;
}

/** Where the participant stands with consent now (take/consent-standing.ts). */
export class TimelineConsentDto {
  @ApiProperty({
    enum: ['none', 'current', 'renewal_required'],
    description:
      '`none`: never consented (or declined); `current`: consented to a version no older than the newest one ' +
      'that asks for renewed consent; `renewal_required`: consented to an older one and must consent again',
  })
  status!: 'none' | 'current' | 'renewal_required';
  @ApiProperty({ type: Number, nullable: true, description: 'The version of their latest consent' })
  version!: number | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When they gave it' }) consentedAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The version to renew to, when renewal_required' })
  renewalVersion!: number | null;
}

export class TimelineDto {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status!: 'active' | 'withdrawn';
  @ApiProperty({ format: 'uuid' }) cohortId!: string;
  @ApiProperty({ type: TimelineConsentDto }) consent!: TimelineConsentDto;
  @ApiProperty({ type: [TimelineEventDto], description: 'Oldest first' }) events!: TimelineEventDto[];
}
