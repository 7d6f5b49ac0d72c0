import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MESSAGE_LANGUAGES, type MessageLanguage } from '../messaging-types';

/** The participant's contact details (replaces what was there). */
export class PutContactDto {
  @ApiProperty({ example: 'client@example.org', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;

  @ApiPropertyOptional({
    example: '+31 6 12345678',
    nullable: true,
    description: 'Digits, spaces, +, -, ( )',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^\+?[0-9 ()-]{6,40}$/, {
    message: 'phone must be a telephone number (digits, spaces, +, -, parentheses)',
  })
  phone?: string | null;

  @ApiPropertyOptional({
    enum: MESSAGE_LANGUAGES,
    nullable: true,
    description:
      "Language of the messages; one of the study's languages (default: the study's first language)",
  })
  @IsOptional()
  @IsIn(MESSAGE_LANGUAGES)
  preferredLanguage?: MessageLanguage | null;
}

export class ContactDto {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ enum: MESSAGE_LANGUAGES, nullable: true }) preferredLanguage!: MessageLanguage | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}
