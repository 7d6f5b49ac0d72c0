import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { INVITATION_STATUSES, type InvitationStatus } from '../invitation.entity';

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
