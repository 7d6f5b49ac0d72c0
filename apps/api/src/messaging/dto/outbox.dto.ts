import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  MESSAGE_KINDS,
  MESSAGE_LANGUAGES,
  MESSAGE_STATUSES,
  type MessageKind,
  type MessageLanguage,
  type MessageStatus,
} from '../messaging-types';

export class OutboxQuery {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES)
  status?: MessageStatus;

  @ApiPropertyOptional({ enum: MESSAGE_KINDS })
  @IsOptional()
  @IsIn(MESSAGE_KINDS)
  kind?: MessageKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  participantId?: string;

  @ApiPropertyOptional({ description: '1–500, default 50', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'default 0', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}

export class OutboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ description: 'The pseudonymous code' }) participantCode!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for staff messages (safety)',
  })
  invitationId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for staff messages (safety)',
  })
  timepointId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The staff member a safety message goes to; null for messages to the participant',
  })
  recipientUserId!: string | null;
  @ApiProperty({
    enum: MESSAGE_KINDS,
    description:
      'invitation and reminder go to the participant; safety_signal and safety_escalation go to staff about the ' +
      'participant (an endorsed risk item: no answers, a link to the dashboard) and are never cancelled by ' +
      'withdrawal or a completed timepoint',
  })
  kind!: MessageKind;
  @ApiProperty({ description: '0 for the invitation, 1, 2, … for the reminders' }) sequence!: number;
  @ApiProperty({ type: String, nullable: true, description: 'null once the contact details were erased' })
  to!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty({
    description:
      'Plain text. Holds the participant link while the message waits; once sent or cancelled the link is ' +
      'replaced by a placeholder (the token is not kept in clear)',
  })
  body!: string;
  @ApiProperty({ enum: MESSAGE_LANGUAGES }) language!: MessageLanguage;
  @ApiProperty({ enum: MESSAGE_STATUSES }) status!: MessageStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty() scheduledFor!: Date;
  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'When a failed message is tried again (null: not)',
  })
  nextAttemptAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) sentAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was cancelled' }) cancelReason!:
    string | null;
  @ApiProperty() createdAt!: Date;
}

export class OutboxListDto {
  @ApiProperty({ type: [OutboxMessageDto] }) items!: OutboxMessageDto[];
  @ApiProperty({ description: 'Messages matching the filters' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ description: 'Whether SMTP is configured (KLIK_SMTP_URL); without it messages stay queued' })
  smtpConfigured!: boolean;
}

export class OutboxRunDto {
  @ApiProperty({ description: 'Invitations created (with their messages) in this pass' }) planned!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty({ description: 'false: SMTP is not configured, messages stay queued' })
  smtpConfigured!: boolean;
}
