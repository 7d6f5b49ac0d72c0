import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { type AuthContext, IS_PUBLIC, ROLES_KEY, type Role } from '../common/current-auth';
import { SESSION_COOKIE } from './auth-context';
import { AuthService } from './auth.service';

/** Global guard: every route needs a valid session unless marked @Public(); @Roles() narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { auth?: AuthContext }>();
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const auth = token ? await this.auth.resolveSession(token) : null;
    if (!auth) throw new AppError(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'Log in to continue');
    request.auth = auth;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(auth.role)) throw AppError.forbidden();
    return true;
  }
}
