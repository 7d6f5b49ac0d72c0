import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { createToken, hashToken } from '../common/tokens';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenancyService } from '../database/tenancy.service';
import { Institution } from '../institutions/institution.entity';
import { Membership } from '../institutions/membership.entity';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { StaffInvitation } from '../institutions/staff-invitation.entity';
import { User } from '../users/user.entity';
import type { AuthContext } from '../common/current-auth';
import type { InvitationPreviewDto, MeDto, SessionDto } from './dto/auth.dto';
import { PasswordService } from './password.service';
import { Session } from './session.entity';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Live sessions per user; a new login ends the oldest beyond this. */
export const MAX_SESSIONS_PER_USER = 10;
export const NEW_PASSWORD_MIN_LENGTH = 12;

/** Where a request came from, for the rate limits and the session list. */
export interface ClientInfo {
  ip: string | undefined;
  userAgent?: string | undefined;
}

/**
 * Staff authentication with server-side sessions: the cookie holds a random token, the sessions table its hash,
 * so a stolen database does not yield working sessions and logout takes effect at once on every instance.
 *
 * Against guessing: the rate limits (per client address and per account, shared by all API processes) come
 * first; then every attempt on an existing account claims one of its {@link MAX_FAILED_LOGINS} tries in one
 * atomic UPDATE before the password is checked, so a burst sent in parallel gets exactly that many checks and
 * the rest are refused as locked. Unknown, inactive and locked accounts answer exactly as a wrong password does,
 * after the same amount of hashing.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly passwords: PasswordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly limits: RateLimitService,
  ) {}

  /** Checks the password and opens a session; returns the cookie token and the caller's profile. */
  async login(
    email: string,
    password: string,
    client: ClientInfo,
  ): Promise<{ token: string; expiresAt: Date; me: MeDto }> {
    const normalised = email.trim().toLowerCase();
    await this.limits.consume([
      ['login-ip', { ip: client.ip }],
      ['login-account', { secret: normalised }],
    ]);
    const user = await this.tenancy.runAsSystem((m) => m.findOne(User, { where: { email: normalised } }));
    if (!user || !user.passwordHash || user.status !== 'active') {
      await this.passwords.verifyAgainstDummy(password);
      await this.audit.loginFailed(normalised, user ? 'inactive' : 'unknown_account', user?.id ?? null);
      throw invalidCredentials();
    }
    if (!(await this.claimAttempt(user.id))) {
      await this.passwords.verifyAgainstDummy(password);
      await this.audit.loginFailed(normalised, 'locked', user.id);
      throw invalidCredentials();
    }
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      await this.audit.loginFailed(normalised, 'wrong_password', user.id);
      throw invalidCredentials();
    }
    // Looked up in its own transaction, so that a refusal can be audited in another one (PGlite has one connection).
    const memberships = await this.tenancy.runAsSystem((m) => this.loadMemberships(m, user.id));
    if (memberships.length === 0) {
      await this.audit.loginFailed(normalised, 'no_membership', user.id);
      throw new AppError(HttpStatus.FORBIDDEN, 'no_membership', 'This account belongs to no institution');
    }
    const result = await this.tenancy.runAsSystem(async (m) => {
      await m.update(User, user.id, { failedLoginCount: 0, lockedUntil: null });
      const { token, expiresAt } = await this.openSession(m, user.id, memberships[0].institutionId, client);
      await this.audit.record(m, {
        actor: { type: 'staff', userId: user.id, institutionId: memberships[0].institutionId },
        action: 'auth.login',
      });
      return { token, expiresAt, me: this.toMe(user, memberships, memberships[0].institutionId) };
    });
    await this.limits.reset('login-account', { secret: normalised });
    return result;
  }

  /**
   * Takes one try of the account in a single UPDATE (row-locked, so parallel attempts queue and each sees the
   * count the previous one left). The try that reaches the maximum sets the lock at once; a correct password on
   * it clears the lock again. False when the account is locked.
   */
  private async claimAttempt(userId: string): Promise<boolean> {
    const expired = 'locked_until IS NOT NULL AND locked_until <= now()';
    const rows = (await this.tenancy.runAsSystem((m) =>
      m.query(
        `WITH claimed AS (
           UPDATE users SET
             failed_login_count = CASE WHEN ${expired} THEN 1 ELSE failed_login_count + 1 END,
             locked_until = CASE
               WHEN ${expired} THEN NULL
               WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3)
               ELSE locked_until END
           WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
           RETURNING failed_login_count)
         SELECT failed_login_count FROM claimed`,
        [userId, MAX_FAILED_LOGINS, LOCK_MINUTES],
      ),
    )) as unknown[];
    return rows.length === 1;
  }

  /** Opens a session after pruning: expired sessions go, and the user keeps at most MAX_SESSIONS_PER_USER. */
  private async openSession(
    m: EntityManager,
    userId: string,
    institutionId: string,
    client: ClientInfo,
  ): Promise<{ token: string; expiresAt: Date }> {
    await m.query(`DELETE FROM sessions WHERE expires_at <= now()`);
    await m.query(
      `DELETE FROM sessions WHERE id IN (
         SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC, id OFFSET $2)`,
      [userId, MAX_SESSIONS_PER_USER - 1],
    );
    const token = createToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3_600_000);
    await m.insert(Session, {
      tokenHash: hashToken(token),
      userId,
      activeInstitutionId: institutionId,
      expiresAt,
      userAgent: client.userAgent ? client.userAgent.slice(0, 200) : null,
    });
    return { token, expiresAt };
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

  /** The caller's own live sessions, newest first. */
  async sessions(auth: AuthContext): Promise<SessionDto[]> {
    const rows = await this.tenancy.runAsSystem((m) =>
      m.find(Session, {
        where: { userId: auth.userId, expiresAt: MoreThan(new Date()) },
        order: { createdAt: 'DESC' },
      }),
    );
    return rows.map((session) => ({
      id: session.id,
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
      userAgent: session.userAgent,
      current: session.id === auth.sessionId,
    }));
  }

  /** Ends one of the caller's sessions (404 for anyone else's, so their ids tell nothing). */
  async endSession(auth: AuthContext, sessionId: string): Promise<void> {
    await this.tenancy.runAsSystem(async (m) => {
      const result = await m.delete(Session, { id: sessionId, userId: auth.userId });
      if (!result.affected) throw AppError.notFound('Session');
      await this.audit.record(m, {
        actor: { type: 'staff', userId: auth.userId, institutionId: auth.institutionId },
        action: 'auth.session_ended',
        details: { current: sessionId === auth.sessionId },
      });
    });
  }

  /** Ends every session of the caller but this one; answers how many. */
  async endOtherSessions(auth: AuthContext): Promise<number> {
    return this.tenancy.runAsSystem(async (m) => {
      const rows = (await m.query(
        `WITH ended AS (DELETE FROM sessions WHERE user_id = $1 AND id <> $2 RETURNING id) SELECT count(*)::int AS n FROM ended`,
        [auth.userId, auth.sessionId],
      )) as { n: number }[];
      await this.audit.record(m, {
        actor: { type: 'staff', userId: auth.userId, institutionId: auth.institutionId },
        action: 'auth.sessions_ended',
        details: { count: rows[0].n },
      });
      return rows[0].n;
    });
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

  /**
   * What the holder of an invitation link is invited to. Holding the link proves access to the mailbox it was
   * sent to, so the answer may say whether that address already has an account (the page then asks for its
   * password instead of a new one). Rate-limited before the token is even looked up.
   */
  async inspectInvitation(token: string, client: ClientInfo): Promise<InvitationPreviewDto> {
    await this.limitInvitation(token, client);
    return this.tenancy.runAsSystem(async (m) => {
      const invitation = await this.findPendingInvitation(m, token);
      const institution = await m.findOneOrFail(Institution, { where: { id: invitation.institutionId } });
      const account = await m.findOne(User, { where: { email: invitation.email } });
      return {
        email: invitation.email,
        institutionName: institution.name,
        role: invitation.role,
        accountExists: isActiveAccount(account),
        displayName: isActiveAccount(account) ? account.displayName : (invitation.displayName ?? ''),
      };
    });
  }

  /**
   * Accepts a staff invitation with the link that was mailed to its address: a new account chooses its password
   * here; an existing account proves itself with its own password (which counts towards its lock-out like a
   * login). Only then does the institution become one of the account's. The rate limits and the token lookup come
   * before any password hashing.
   */
  async acceptInvitation(
    token: string,
    password: string,
    displayName: string | undefined,
    client: ClientInfo,
  ): Promise<void> {
    await this.limitInvitation(token, client);
    const { invitation, account } = await this.tenancy.runAsSystem(async (m) => {
      const found = await this.findPendingInvitation(m, token);
      return { invitation: found, account: await m.findOne(User, { where: { email: found.email } }) };
    });
    let newAccount: { passwordHash: string; displayName: string } | null = null;
    if (isActiveAccount(account)) {
      if (!(await this.claimAttempt(account.id))) {
        await this.passwords.verifyAgainstDummy(password);
        throw invalidCredentials();
      }
      if (!(await this.passwords.verify(account.passwordHash as string, password)))
        throw invalidCredentials();
    } else if (account?.status === 'disabled') {
      throw new AppError(HttpStatus.FORBIDDEN, 'account_disabled', 'This account is disabled');
    } else {
      const name = (displayName ?? invitation.displayName ?? '').trim();
      const problems = [
        ...(password.length < NEW_PASSWORD_MIN_LENGTH
          ? [
              {
                field: 'password',
                messages: [`password must be at least ${NEW_PASSWORD_MIN_LENGTH} characters long`],
              },
            ]
          : []),
        ...(name === ''
          ? [{ field: 'displayName', messages: ['displayName is required for a new account'] }]
          : []),
      ];
      if (problems.length > 0) throw AppError.validation(problems);
      newAccount = { passwordHash: await this.passwords.hash(password), displayName: name };
    }
    await this.tenancy.runAsSystem(async (m) => {
      // Claimed under a row lock, so a link accepted twice at once makes one membership, and a link revoked in
      // the meantime is refused.
      const claimed = (await m.query(
        `UPDATE staff_invitations SET accepted_at = now()
          WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
        [invitation.id],
      )) as [unknown[], number];
      if (claimed[1] !== 1) throw invitationInvalid();
      let userId: string;
      if (newAccount) {
        const existing = await m.findOne(User, { where: { email: invitation.email } });
        if (existing) {
          // A legacy account that was never activated: the mailbox holder now sets its password.
          await m.update(User, existing.id, {
            ...newAccount,
            status: 'active',
            failedLoginCount: 0,
            lockedUntil: null,
          });
          userId = existing.id;
        } else {
          const created = await m.save(
            m.create(User, { email: invitation.email, ...newAccount, status: 'active' }),
          );
          userId = created.id;
        }
      } else {
        userId = (account as User).id;
        await m.update(User, userId, { failedLoginCount: 0, lockedUntil: null });
      }
      await m.query(
        `INSERT INTO memberships (user_id, institution_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (institution_id, user_id) DO NOTHING`,
        [userId, invitation.institutionId, invitation.role],
      );
      await this.audit.record(m, {
        actor: { type: 'staff', userId, institutionId: invitation.institutionId },
        action: 'user.invitation_accepted',
        target: { type: 'user', id: userId },
        details: { role: invitation.role, invitationId: invitation.id, newAccount: newAccount !== null },
      });
    });
  }

  private limitInvitation(token: string, client: ClientInfo): Promise<void> {
    return this.limits.consume([
      ['invitation-ip', { ip: client.ip }],
      ['invitation-token', { secret: token }],
    ]);
  }

  private async findPendingInvitation(m: EntityManager, token: string): Promise<StaffInvitation> {
    const invitation = await m.findOne(StaffInvitation, {
      where: {
        tokenHash: hashToken(token),
        acceptedAt: IsNull(),
        revokedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
    });
    if (!invitation) throw invitationInvalid();
    return invitation;
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
}

function isActiveAccount(user: User | null): user is User & { passwordHash: string } {
  return user !== null && user.status === 'active' && user.passwordHash !== null;
}

/** One answer for a wrong password, an unknown account, an inactive one and a locked one. */
function invalidCredentials(): AppError {
  return new AppError(
    HttpStatus.UNAUTHORIZED,
    'invalid_credentials',
    'E-mail address or password is incorrect, or the account is locked for a while after too many attempts',
  );
}

function invitationInvalid(): AppError {
  return new AppError(
    HttpStatus.NOT_FOUND,
    'invitation_invalid',
    'This invitation is unknown, used or expired',
  );
}
