/** Shapes of the Klik HTTP API as the dashboard uses them (see apps/api for the server side). */

export type Role = 'institution_admin' | 'researcher' | 'practitioner';

export type StudyStatus = 'draft' | 'recruiting' | 'closed';

export type Language = 'nl' | 'en';

/** A text per study language (issue 11): study titles and descriptions, consent texts, labels, help texts. */
export type LocalizedText = Partial<Record<Language, string>>;

/** How a study's Dutch texts address the participant: informal "je" (the default) or formal "u". */
export type FormOfAddress = 'je' | 'u';

export interface User {
  id: string;
  email: string;
  displayName: string;
}

export interface Membership {
  institutionId: string;
  institutionName: string;
  role: Role;
}

/** Body of login, me and switch-institution. */
export interface Session {
  user: User;
  memberships: Membership[];
  activeInstitutionId: string;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface Study {
  id: string;
  /** Per study language; show it with `studyText` (interface language, else the study's first). */
  title: LocalizedText;
  /** Per study language; `{}` when there is none. */
  description: LocalizedText;
  status: StudyStatus;
  languages: Language[];
  ownerInstitutionId: string;
  createdAt: string;
  /** Sent by the API on every study; optional here so older fixtures stay valid. */
  withdrawalPolicy?: 'erase_responses' | 'erase_link';
  /** True when the active institution owns the study (may edit it). */
  owned?: boolean;
  currentConsentVersion?: number | null;
  updatedAt?: string;
  /** Sent by the API on every study; optional here so older fixtures stay valid. */
  formOfAddress?: FormOfAddress;
  /** The staff member told at once of an endorsed risk item; null for partners and until one is named. */
  safetyContactUserId?: string | null;
  /** Shown to a participant right after answers that endorsed a risk item (new studies start with defaults). */
  safetyHelpText?: LocalizedText;
  /** True when the protocol has a questionnaire with risk items: recruiting then needs a contact and help texts. */
  safetyRequired?: boolean;
}

export interface StudyList {
  items: Study[];
}

export interface FieldError {
  field: string;
  messages: string[];
}

/** Every error body the API sends. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
  correlationId?: string;
}
