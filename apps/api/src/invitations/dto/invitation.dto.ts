import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { INVITATION_STATUSES, type InvitationStatus } from '../invitation.entity';

/** Optional filters of the invitation list. */
export class InvitationListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('loose', { message: '$property must be a UUID' })
  participantId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('loose', { message: '$property must be a UUID' })
  timepointId?: string;
}

export class CreateInvitationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  participantId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  timepointId!: string;

  @ApiPropertyOptional({ description: 'Required for session timepoints (1, 2, …); not allowed otherwise' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  sessionNumber?: number;

  @ApiPropertyOptional({ description: 'Days until the link expires (1–365, default 30)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ format: 'uuid' }) timepointId!: string;
  @ApiProperty({ nullable: true }) sessionNumber!: number | null;
  @ApiProperty({ enum: INVITATION_STATUSES, description: '`expired` is reported once expiresAt has passed' })
  status!: InvitationStatus;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty() createdAt!: Date;
}

export class CreatedInvitationDto extends InvitationDto {
  @ApiProperty({ description: 'The participant link; shown only in this answer (only a hash is stored)' })
  url!: string;
}

export class InvitationListDto {
  @ApiProperty({ type: [InvitationDto] }) items!: InvitationDto[];
}

export const MAX_BATCH_INVITATIONS = 10_000;

export class CreateInvitationBatchDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  timepointId!: string;

  @ApiPropertyOptional({ description: 'Required for session timepoints (1, 2, …); not allowed otherwise' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  sessionNumber?: number;

  @ApiPropertyOptional({ description: 'Days until the links expire (1–365, default 30)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    isArray: true,
    description: 'Only these participants; default: every active participant of your institution in the study',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_INVITATIONS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantIds?: string[];
}

export class BatchInvitationDto extends CreatedInvitationDto {
  @ApiProperty({ description: "The participant's pseudonymous code" }) participantCode!: string;
}

export class InvitationBatchDto {
  @ApiProperty({ description: 'Links made now' }) created!: number;
  @ApiProperty({
    description: 'Participants left out: they already have a current link (open, started or completed)',
  })
  skipped!: number;
  @ApiProperty({
    type: [BatchInvitationDto],
    description: 'The new links, by participant code; shown only in this answer',
  })
  items!: BatchInvitationDto[];
}
