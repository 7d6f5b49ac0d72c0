import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../common/current-auth';

export class LoginDto {
  @ApiProperty({ example: 'researcher@demo.klik.test' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'klik-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class SwitchInstitutionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  institutionId!: string;
}

export class InvitationTokenDto {
  @ApiProperty({ description: 'The token from the invitation link (the part after #)' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;
}

export class AcceptInvitationDto extends InvitationTokenDto {
  @ApiProperty({
    description:
      'A new password (at least 12 characters) when the address has no account yet; otherwise the password of the existing account',
    maxLength: 200,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ description: 'Name of a new account (defaults to the one in the invitation)', maxLength: 120 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName?: string;
}

export class InvitationPreviewDto {
  @ApiProperty() email!: string;
  @ApiProperty() institutionName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'The address already has an account: accept with its password' })
  accountExists!: boolean;
  @ApiProperty({ description: "The existing account's name, or the name the admin suggested" }) displayName!: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty({ nullable: true, description: "The browser's User-Agent at login" }) userAgent!: string | null;
  @ApiProperty({ description: 'The session of this request' }) current!: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items!: SessionDto[];
}

export class EndedSessionsDto {
  @ApiProperty({ description: 'How many sessions were ended' }) ended!: number;
}

export class UserSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
}

export class MembershipSummaryDto {
  @ApiProperty({ format: 'uuid' }) institutionId!: string;
  @ApiProperty() institutionName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
}

export class MeDto {
  @ApiProperty({ type: UserSummaryDto }) user!: UserSummaryDto;
  @ApiProperty({ type: [MembershipSummaryDto] }) memberships!: MembershipSummaryDto[];
  @ApiProperty({ format: 'uuid' }) activeInstitutionId!: string;
}
