import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { IsTextInput, type TextInput } from '../../common/localized-input';
import { LocalizedTextDto } from '../../common/localized-text.dto';
import {
  FORMS_OF_ADDRESS,
  type FormOfAddress,
  LANGUAGES,
  type Language,
  STUDY_STATUSES,
  type StudyStatus,
  WITHDRAWAL_POLICIES,
  type WithdrawalPolicy,
} from '../study.entity';

/** Issue 11: study texts per language; a plain string still works (the same text in every study language). */
const TEXT_INPUT = (what: string, maxLength: number) => ({
  oneOf: [{ type: 'string', maxLength }, { $ref: '#/components/schemas/LocalizedTextDto' }],
  description:
    `${what}: one text per study language, { "nl": "…", "en": "…" } (at most ${maxLength} characters each), ` +
    'or one string meaning the same text in every language of the study',
});
const FORM_OF_ADDRESS_DOC =
  'How the Dutch texts address the participant: "je" (informal, the default, as the participant pages do) or "u" ' +
  '(formal). Used by the e-mails; the participant pages read it from the participant state.';

const SAFETY_CONTACT_DOC =
  'The safety contact: an active staff member of the owning institution, e-mailed at once when one of its ' +
  'participants endorses a risk item (apps/api/docs/safety.md).';
const SAFETY_HELP_TEXT_DOC =
  'Help text per study language, shown to a participant right after a submission that endorsed a risk item.';

export class CreateStudyDto {
  @ApiProperty({
    ...TEXT_INPUT('Title', 200),
    example: { nl: 'Openheid en de werkrelatie bij burn-outcoaching', en: 'Self-disclosure and the alliance in burn-out coaching' },
  })
  @IsTextInput({ maxLength: 200 })
  title!: TextInput;

  @ApiPropertyOptional(TEXT_INPUT('Description', 5000))
  @IsOptional()
  @IsTextInput({ maxLength: 5000, allowEmpty: true })
  description?: TextInput;

  @ApiPropertyOptional({ enum: FORMS_OF_ADDRESS, default: 'je', description: FORM_OF_ADDRESS_DOC })
  @IsOptional()
  @IsIn(FORMS_OF_ADDRESS)
  formOfAddress?: FormOfAddress;

  @ApiProperty({ enum: LANGUAGES, isArray: true, example: ['nl', 'en'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LANGUAGES.length)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages!: Language[];

  @ApiProperty({
    enum: WITHDRAWAL_POLICIES,
    description: 'erase_responses: withdrawal deletes answers and scores; erase_link: keeps them, cuts the link to the person',
  })
  @IsIn(WITHDRAWAL_POLICIES)
  withdrawalPolicy!: WithdrawalPolicy;

  @ApiPropertyOptional({ type: LocalizedTextDto, description: 'Creates consent version 1' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  consentText?: LocalizedTextDto;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: SAFETY_CONTACT_DOC,
  })
  @IsOptional()
  @IsUUID('all')
  safetyContactUserId?: string | null;

  @ApiPropertyOptional({ type: LocalizedTextDto, description: SAFETY_HELP_TEXT_DOC + ' Default: 113 Zelfmoordpreventie and 112.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  safetyHelpText?: LocalizedTextDto;
}

export class UpdateStudyDto {
  @ApiPropertyOptional(TEXT_INPUT('Title (replaces every language)', 200))
  @IsOptional()
  @IsTextInput({ maxLength: 200 })
  title?: TextInput;

  @ApiPropertyOptional(TEXT_INPUT('Description (replaces every language)', 5000))
  @IsOptional()
  @IsTextInput({ maxLength: 5000, allowEmpty: true })
  description?: TextInput;

  @ApiPropertyOptional({ enum: FORMS_OF_ADDRESS, description: FORM_OF_ADDRESS_DOC })
  @IsOptional()
  @IsIn(FORMS_OF_ADDRESS)
  formOfAddress?: FormOfAddress;

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true, description: 'Only while draft' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LANGUAGES.length)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages?: Language[];

  @ApiPropertyOptional({ enum: WITHDRAWAL_POLICIES, description: 'Only while draft' })
  @IsOptional()
  @IsIn(WITHDRAWAL_POLICIES)
  withdrawalPolicy?: WithdrawalPolicy;

  @ApiPropertyOptional({ enum: STUDY_STATUSES, description: 'draft → recruiting → closed' })
  @IsOptional()
  @IsIn(STUDY_STATUSES)
  status?: StudyStatus;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: SAFETY_CONTACT_DOC + ' null removes it (refused while it is required).',
  })
  @IsOptional()
  @IsUUID('all')
  safetyContactUserId?: string | null;

  @ApiPropertyOptional({
    type: LocalizedTextDto,
    description: SAFETY_HELP_TEXT_DOC + ' The languages given replace the current texts; the others stay.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  safetyHelpText?: LocalizedTextDto;
}

export class CreateConsentVersionDto {
  @ApiProperty({ type: LocalizedTextDto, description: 'Text in every language of the study' })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  text!: LocalizedTextDto;

  @ApiPropertyOptional({
    default: false,
    description:
      'Ask everyone who consented to an older version again: until they consent to this one they cannot answer ' +
      '(409 consent_renewal_required), and declining withdraws them under the study\'s withdrawal policy',
  })
  @IsOptional()
  @IsBoolean()
  requiresReconsent?: boolean;
}

export class ConsentVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: LocalizedTextDto }) text!: LocalizedTextDto;
  @ApiProperty({ description: 'Everyone who consented to an older version is asked again' }) requiresReconsent!: boolean;
  @ApiProperty() createdAt!: Date;
}

export class ConsentVersionListDto {
  @ApiProperty({ type: [ConsentVersionDto] }) items!: ConsentVersionDto[];
}

export class StudyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: LocalizedTextDto, description: 'Per language (issue 11)', example: { nl: 'Openheid', en: 'Disclosure' } })
  title!: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto, description: 'Per language; {} when there is none' })
  description!: LocalizedTextDto;
  @ApiProperty({ enum: FORMS_OF_ADDRESS, description: FORM_OF_ADDRESS_DOC }) formOfAddress!: FormOfAddress;
  @ApiProperty({ enum: STUDY_STATUSES }) status!: StudyStatus;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) languages!: Language[];
  @ApiProperty({ enum: WITHDRAWAL_POLICIES }) withdrawalPolicy!: WithdrawalPolicy;
  @ApiProperty({ format: 'uuid' }) ownerInstitutionId!: string;
  @ApiProperty({ description: 'True when the active institution owns the study (may edit it)' }) owned!: boolean;
  @ApiPropertyOptional({ nullable: true }) currentConsentVersion!: number | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: SAFETY_CONTACT_DOC + ' Shown to the owning institution only (null for partners).',
  })
  safetyContactUserId!: string | null;
  @ApiProperty({ type: LocalizedTextDto, description: SAFETY_HELP_TEXT_DOC }) safetyHelpText!: LocalizedTextDto;
  @ApiProperty({
    description:
      'True when the protocol has an instrument with risk items (PHQ-9 item 9 and others, see ' +
      'libs/survey-model/codebooks/risk-items.md): the study then needs a safety contact and a help text in every ' +
      'language before it recruits (409 safety_contact_required / safety_help_text_required)',
  })
  safetyRequired!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class StudyListDto {
  @ApiProperty({ type: [StudyDto] }) items!: StudyDto[];
}
