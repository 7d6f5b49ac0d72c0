import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';

/** A staff member's role in one institution (stored on the membership). */
export const ROLES = ['institution_admin', 'researcher', 'practitioner'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling: resolved from the staff session cookie by the AuthGuard (auth/). It lives here, below every
 * feature, because every controller and most services take it.
 */
export interface AuthContext {
  sessionId: string;
  userId: string;
  institutionId: string;
  role: Role;
}

export const IS_PUBLIC = 'klik:public';
export const ROLES_KEY = 'klik:roles';

/** Marks a route that needs no staff login. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to the given roles in the active institution. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Injects the caller's AuthContext. */
export const CurrentAuth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const request = context.switchToHttp().getRequest<{ auth?: AuthContext }>();
  if (!request.auth) throw new Error('CurrentAuth used on a public route');
  return request.auth;
});
