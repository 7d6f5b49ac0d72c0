import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../common/current-auth';

/** Adding a colleague is always an invitation to the address: there is deliberately no password field. */
export class InviteUserDto {
  @ApiProperty({ example: 'colleague@example.org' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({
    example: 'Sam de Vries',
    description: 'Suggested name for a new account; an existing account keeps its own',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

/** The staff list, optionally of one role. */
export class StaffListQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['active', 'invited', 'disabled'] }) status!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
}

export class MemberListDto {
  @ApiProperty({ type: [MemberDto] }) items!: MemberDto[];
}

/**
 * The answer to an invitation: the same fields whether or not the address already has an account anywhere, so
 * an admin learns nothing about accounts outside the institution.
 */
export class StaffInvitationDto {
  @ApiProperty({ format: 'uuid' }) invitationId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true }) displayName!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: ['invited'] }) status!: 'invited';
  @ApiProperty() expiresAt!: Date;
}

export class PendingInvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true }) displayName!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty({ description: 'Past its expiry: the link no longer works; invite again' }) expired!: boolean;
}

export class PendingInvitationListDto {
  @ApiProperty({ type: [PendingInvitationDto] }) items!: PendingInvitationDto[];
}
