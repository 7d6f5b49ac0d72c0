/** Shapes of the Klik HTTP API as the dashboard uses them (see apps/api for the server side). */

export type Role = 'institution_admin' | 'researcher' | 'practitioner';

export type StudyStatus = 'draft' | 'recruiting' | 'closed';

export type Language = 'nl' | 'en';

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
  title: string;
  description: string;
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
