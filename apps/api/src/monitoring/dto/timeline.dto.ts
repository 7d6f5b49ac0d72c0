import { ApiProperty } from '@nestjs/swagger';

export const TIMELINE_EVENT_TYPES = [
  'enrolled',
  'invited',
  'invitation_sent',
  'reminded',
  'opened',
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
 * `session_logged`: the practitioner logged the session.
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
    description: 'Extra: the consent version, the instrument, the reminder number, the withdrawal policy',
  })
  detail!: string | null;
}

export class TimelineDto {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status!: 'active' | 'withdrawn';
  @ApiProperty({ format: 'uuid' }) cohortId!: string;
  @ApiProperty({ type: [TimelineEventDto], description: 'Oldest first' }) events!: TimelineEventDto[];
}
