import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../institutions/membership.entity';

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

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters long' })
  @MaxLength(200)
  password!: string;
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
