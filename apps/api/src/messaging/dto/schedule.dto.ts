import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** A timepoint's e-mail schedule. */
export class PutScheduleDto {
  @ApiProperty({ description: 'Send invitations and reminders for this timepoint by e-mail' })
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({
    description: "Days after the participant's enrolment at which the invitation is sent (0–3650)",
  })
  @IsInt()
  @Min(0)
  @Max(3650)
  inviteOffsetDays!: number;

  @ApiProperty({
    type: [Number],
    example: [3, 7],
    description: 'Days after the invitation at which a reminder is sent; increasing, each 1–365, at most 10',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  reminderDays!: number[];

  @ApiPropertyOptional({
    description: 'Days the invitation link stays valid (1–365, default 30)',
    default: 30,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'Days after the invitation at which an unfinished timepoint counts as overdue in the monitoring ' +
      '(default: the last reminder day, or the expiry when there are no reminders)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  dueAfterDays?: number | null;
}

export class ScheduleDto {
  @ApiProperty({ format: 'uuid' }) timepointId!: string;
  @ApiProperty({ description: 'false until a schedule is saved' }) enabled!: boolean;
  @ApiProperty() inviteOffsetDays!: number;
  @ApiProperty({ type: [Number] }) reminderDays!: number[];
  @ApiProperty() expiresInDays!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'As saved; null means the default rule' })
  dueAfterDays!: number | null;
  @ApiProperty({ description: 'The due day the monitoring uses (days after the invitation)' })
  effectiveDueAfterDays!: number;
  @ApiProperty({ type: Date, nullable: true, description: 'null when never saved' }) updatedAt!: Date | null;
}
