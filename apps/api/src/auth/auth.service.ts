import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { createToken, hashToken } from '../common/tokens';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenancyService } from '../database/tenancy.service';
import { Institution } from '../institutions/institution.entity';
import { Membership } from '../institutions/membership.entity';
import { StaffInvitation } from '../users/staff-invitation.entity';
import { User } from '../users/user.entity';
import type { AuthContext } from './auth-context';
import type { MeDto } from './dto/auth.dto';
import { PasswordService } from './password.service';
import { Session } from './session.entity';

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

/**
 * Staff authentication with server-side sessions: the cookie holds a random token, the sessions table its hash,
 * so a stolen database does not yield working sessions and logout takes effect at once on every instance.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly passwords: PasswordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Checks the password and opens a session; returns the cookie token and the caller's profile. */
  async login(email: string, password: string): Promise<{ token: string; expiresAt: Date; me: MeDto }> {
    const normalised = email.trim().toLowerCase();
    const user = await this.tenancy.runAsSystem((m) => m.findOne(User, { where: { email: normalised } }));
    if (!user || !user.passwordHash || user.status !== 'active') {
      await this.passwords.verifyAgainstDummy(password);
      await this.audit.loginFailed(normalised, user ? 'inactive' : 'unknown_account', user?.id ?? null);
      throw this.invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await this.audit.loginFailed(normalised, 'locked', user.id);
      throw new AppError(
        HttpStatus.TOO_MANY_REQUESTS,
        'too_many_attempts',
        `Too many failed attempts; try again after ${user.lockedUntil.toISOString()}`,
      );
    }
    const valid = await this.passwords.verify(user.passwordHash, password);
    if (!valid) {
      // Counted in its own transaction (throwing inside one would roll the count back) and in one statement, so
      // that failures sent in parallel all count; an existing lock is kept.
      const reached = `failed_login_count + 1 >= ${MAX_FAILED_LOGINS}`;
      await this.tenancy.runAsSystem((m) =>
        m
          .createQueryBuilder()
          .update(User)
          .set({
            failedLoginCount: () => `CASE WHEN ${reached} THEN 0 ELSE failed_login_count + 1 END`,
            lockedUntil: () =>
              `CASE WHEN ${reached} THEN now() + interval '${LOCK_MINUTES} minutes' ELSE locked_until END`,
          })
          .where('id = :id', { id: user.id })
          .execute(),
      );
      await this.audit.loginFailed(normalised, 'wrong_password', user.id);
      throw this.invalidCredentials();
    }
    // Looked up in its own transaction, so that a refusal can be audited in another one (PGlite has one connection).
    const memberships = await this.tenancy.runAsSystem((m) => this.loadMemberships(m, user.id));
    if (memberships.length === 0) {
      await this.audit.loginFailed(normalised, 'no_membership', user.id);
      throw new AppError(HttpStatus.FORBIDDEN, 'no_membership', 'This account belongs to no institution');
    }
    return this.tenancy.runAsSystem(async (m) => {
      await m.update(User, user.id, { failedLoginCount: 0, lockedUntil: null });
      const token = createToken();
      const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3_600_000);
      await m.insert(Session, {
        tokenHash: hashToken(token),
        userId: user.id,
        activeInstitutionId: memberships[0].institutionId,
        expiresAt,
      });
      await this.audit.record(m, {
        actor: { type: 'staff', userId: user.id, institutionId: memberships[0].institutionId },
        action: 'auth.login',
      });
      return { token, expiresAt, me: this.toMe(user, memberships, memberships[0].institutionId) };
    });
  }

  /** The AuthContext for a session token, or null when unknown or expired. */
  async resolveSession(token: string): Promise<AuthContext | null> {
    if (token.length > 100) return null;
    return this.tenancy.runAsSystem(async (m) => {
      const session = await m.findOne(Session, {
        where: { tokenHash: hashToken(token), expiresAt: MoreThan(new Date()) },
      });
      if (!session) return null;
      const membership = await m.findOne(Membership, {
        where: { userId: session.userId, institutionId: session.activeInstitutionId },
      });
      const user = await m.findOne(User, { where: { id: session.userId } });
      if (!membership || !user || user.status !== 'active') return null;
      return {
        sessionId: session.id,
        userId: user.id,
        institutionId: membership.institutionId,
        role: membership.role,
      };
    });
  }

  async me(auth: AuthContext): Promise<MeDto> {
    return this.tenancy.runAsSystem(async (m) => {
      const user = await m.findOneOrFail(User, { where: { id: auth.userId } });
      return this.toMe(user, await this.loadMemberships(m, user.id), auth.institutionId);
    });
  }

  async logout(auth: AuthContext): Promise<void> {
    await this.tenancy.runAsSystem((m) => m.delete(Session, { id: auth.sessionId }));
  }

  async switchInstitution(auth: AuthContext, institutionId: string): Promise<MeDto> {
    return this.tenancy.runAsSystem(async (m) => {
      const memberships = await this.loadMemberships(m, auth.userId);
      if (!memberships.some((membership) => membership.institutionId === institutionId)) {
        throw AppError.notFound('Institution');
      }
      await m.update(Session, auth.sessionId, { activeInstitutionId: institutionId });
      const user = await m.findOneOrFail(User, { where: { id: auth.userId } });
      return this.toMe(user, memberships, institutionId);
    });
  }

  /** Sets the password of an invited user from their one-time invitation token and activates the account. */
  async acceptInvitation(token: string, password: string): Promise<void> {
    const passwordHash = await this.passwords.hash(password);
    await this.tenancy.runAsSystem(async (m) => {
      const invitation = await m.findOne(StaffInvitation, {
        where: { tokenHash: hashToken(token), acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      });
      if (!invitation) {
        throw new AppError(
          HttpStatus.NOT_FOUND,
          'invitation_invalid',
          'This invitation is unknown, used or expired',
        );
      }
      await m.update(StaffInvitation, invitation.id, { acceptedAt: new Date() });
      const user = await m.findOneOrFail(User, { where: { id: invitation.userId } });
      if (user.status === 'invited') await m.update(User, user.id, { passwordHash, status: 'active' });
      const existing = await m.findOne(Membership, {
        where: { userId: user.id, institutionId: invitation.institutionId },
      });
      if (!existing) {
        await m.insert(Membership, {
          userId: user.id,
          institutionId: invitation.institutionId,
          role: invitation.role,
        });
      }
      await this.audit.record(m, {
        actor: { type: 'staff', userId: user.id, institutionId: invitation.institutionId },
        action: 'user.invitation_accepted',
        target: { type: 'user', id: user.id },
        details: { role: invitation.role },
      });
    });
  }

  private async loadMemberships(m: EntityManager, userId: string) {
    const rows = await m
      .createQueryBuilder(Membership, 'membership')
      .innerJoin(Institution, 'institution', 'institution.id = membership.institution_id')
      .select(['membership.institution_id AS "institutionId"', 'institution.name AS "institutionName"'])
      .addSelect('membership.role', 'role')
      .where('membership.user_id = :userId', { userId })
      .orderBy('institution.name', 'ASC')
      .getRawMany<{ institutionId: string; institutionName: string; role: Membership['role'] }>();
    return rows;
  }

  private toMe(user: User, memberships: MeDto['memberships'], activeInstitutionId: string): MeDto {
    return {
      user: { id: user.id, email: user.email, displayName: user.displayName },
      memberships,
      activeInstitutionId,
    };
  }

  private invalidCredentials(): AppError {
    return new AppError(
      HttpStatus.UNAUTHORIZED,
      'invalid_credentials',
      'E-mail address or password is incorrect',
    );
  }
}
